using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaaSMdm.Contracts.Auth;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Identity;
using SaaSMdm.Core.Tests.Api.Authorization;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Client;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests.Identity;

public sealed class TokenEndpointOnSqlite(CoreFixture<OnSqlite> fixture) : TokenEndpointTests<OnSqlite>(fixture);

public sealed class TokenEndpointOnPostgres(CoreFixture<OnPostgres> fixture) : TokenEndpointTests<OnPostgres>(fixture);

/// <summary>Core's OAuth2 token endpoint over HTTP: client credentials, people's sign-in with rotating refresh tokens, lockout, and what it refuses.</summary>
public abstract class TokenEndpointTests<TProvider>(CoreFixture<TProvider> fixture) : IClassFixture<CoreFixture<TProvider>>, IDisposable
    where TProvider : IProviderChoice
{
    private static readonly HttpClient Http = new();

    private readonly TestCallers _callers = new(fixture.Host);

    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(fixture.Host.GrpcAddress);

    private Uri Endpoint => TokenEndpointClient.EndpointOf(fixture.Host.HttpAddress);

    [Fact]
    public async Task Client_credentials_issue_a_bearer_token_with_the_clients_scopes_that_the_API_accepts()
    {
        var client = await _callers.CreateClientAsync(null, [ApiScopes.TenantsRead, ApiScopes.DevicesRead]);

        var answer = await PostAsync([("grant_type", "client_credentials")], basic: (client.ClientId, client.Secret));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("no-store", answer.Headers.CacheControl?.ToString());
        Assert.Equal("Bearer", answer.Body.GetProperty("token_type").GetString());
        Assert.Equal(600, answer.Body.GetProperty("expires_in").GetInt32());
        Assert.Equal("devices:read tenants:read", answer.Body.GetProperty("scope").GetString());
        Assert.True(!answer.Body.TryGetProperty("refresh_token", out var refresh) || refresh.ValueKind == JsonValueKind.Null);
        Assert.Equal(StatusCode.OK, (await ListTenantsAsync(answer.Body.GetProperty("access_token").GetString()!)).Code);
    }

    [Fact]
    public async Task The_client_may_authenticate_with_form_fields_and_ask_for_fewer_scopes()
    {
        var client = await _callers.CreateClientAsync(null, [ApiScopes.TenantsRead, ApiScopes.DevicesRead]);

        var answer = await PostAsync([("grant_type", "client_credentials"), ("client_id", client.ClientId), ("client_secret", client.Secret), ("scope", "tenants:read")]);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("tenants:read", answer.Body.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task A_wrong_secret_or_unknown_client_is_invalid_client_401_and_both_answers_read_the_same()
    {
        var client = await _callers.CreateClientAsync(null, [ApiScopes.TenantsRead]);
        var grant = ("grant_type", "client_credentials");

        var wrongBasic = await PostAsync([grant], basic: (client.ClientId, client.Secret + "x"));
        var wrongForm = await PostAsync([grant, ("client_id", client.ClientId), ("client_secret", "cs_wrong")]);
        var unknown = await PostAsync([grant], basic: ("cl_unknown", client.Secret));
        var none = await PostAsync([grant]);

        foreach (var refused in new[] { wrongBasic, wrongForm, unknown, none })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
            Assert.Equal("invalid_client", refused.Body.GetProperty("error").GetString());
            Assert.False(refused.Body.TryGetProperty("access_token", out _));
        }

        Assert.Equal(wrongBasic.Text, wrongForm.Text);
        Assert.Equal(wrongBasic.Text, unknown.Text);
        Assert.Contains("Basic", wrongBasic.WwwAuthenticate);
    }

    [Theory]
    [InlineData("password_please", "unsupported_grant_type")]
    [InlineData("", "unsupported_grant_type")]
    [InlineData("authorization_code", "unsupported_grant_type")]
    public async Task An_unknown_grant_type_is_refused(string grantType, string error)
    {
        var client = await _callers.CreateClientAsync(null, [ApiScopes.TenantsRead]);

        var answer = await PostAsync([("grant_type", grantType)], basic: (client.ClientId, client.Secret));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(error, answer.Body.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("devices:write")]
    [InlineData("tenants:read devices:write")]
    [InlineData("everything")]
    public async Task A_scope_the_client_does_not_hold_is_invalid_scope(string scope)
    {
        var client = await _callers.CreateClientAsync(null, [ApiScopes.TenantsRead]);

        var answer = await PostAsync([("grant_type", "client_credentials"), ("scope", scope)], basic: (client.ClientId, client.Secret));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("invalid_scope", answer.Body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_revoked_client_gets_no_token_and_its_earlier_token_stops_working_at_once()
    {
        var client = await _callers.CreateClientAsync(null, [ApiScopes.TenantsRead]);
        var earlier = await _callers.TokenAsync(client);

        await RevokeAsync(client);
        var answer = await PostAsync([("grant_type", "client_credentials")], basic: (client.ClientId, client.Secret));
        var call = await ListTenantsAsync(earlier);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("invalid_client", answer.Body.GetProperty("error").GetString());
        Assert.Equal(StatusCode.Unauthenticated, call.Code);
    }

    [Fact]
    public async Task Basic_and_form_credentials_at_once_are_refused()
    {
        var client = await _callers.CreateClientAsync(null, [ApiScopes.TenantsRead]);

        var answer = await PostAsync(
            [("grant_type", "client_credentials"), ("client_id", client.ClientId), ("client_secret", client.Secret)], basic: (client.ClientId, client.Secret));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("invalid_request", answer.Body.GetProperty("error").GetString());
        Assert.False(answer.Body.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task Repeated_parameters_an_oversized_body_and_a_body_that_is_not_a_form_are_invalid_request()
    {
        var client = await _callers.CreateClientAsync(null, [ApiScopes.TenantsRead]);
        var basic = (client.ClientId, client.Secret);

        var repeated = await PostAsync([("grant_type", "client_credentials"), ("grant_type", "client_credentials")], basic);
        var repeatedScope = await PostAsync([("grant_type", "client_credentials"), ("scope", "tenants:read"), ("scope", "tenants:read")], basic);
        var oversized = await PostAsync([("grant_type", "client_credentials"), ("padding", new string('x', 9000))], basic);
        var json = await SendAsync(new StringContent("""{"grant_type":"client_credentials"}""", Encoding.UTF8, "application/json"), basic);

        foreach (var refused in new[] { repeated, repeatedScope, oversized, json })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Equal("invalid_request", refused.Body.GetProperty("error").GetString());
        }
    }

    [Fact]
    public async Task The_portal_client_signs_people_in_only_and_other_clients_cannot_sign_people_in()
    {
        var (email, password) = await _callers.CreatePersonAsync();

        var portalForItself = await PostAsync([("grant_type", "client_credentials")], basic: (TestSecrets.PortalClientId, TestSecrets.PortalClientSecret));
        var operatorForPerson = await PostAsync(
            [("grant_type", "password"), ("username", email), ("password", password)], basic: (TestSecrets.OperatorClientId, TestSecrets.OperatorClientSecret));

        Assert.Equal("unauthorized_client", portalForItself.Body.GetProperty("error").GetString());
        Assert.Equal("unauthorized_client", operatorForPerson.Body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Each_refresh_replaces_the_refresh_token_and_a_replayed_one_revokes_its_whole_family()
    {
        var (email, password) = await _callers.CreatePersonAsync();
        var signedIn = await _callers.SignInAsync(email, password);

        var refreshed = await RefreshAsync(signedIn.RefreshToken!);
        var replay = await Assert.ThrowsAsync<TokenEndpointException>(() => RefreshAsync(signedIn.RefreshToken!));
        var successorAfterReplay = await Assert.ThrowsAsync<TokenEndpointException>(() => RefreshAsync(refreshed.RefreshToken!));
        var again = await _callers.SignInAsync(email, password);

        Assert.Equal(StatusCode.OK, (await ListTenantsAsync(signedIn.AccessToken)).Code);
        Assert.NotEqual(signedIn.RefreshToken, refreshed.RefreshToken);
        Assert.Equal(StatusCode.OK, (await ListTenantsAsync(refreshed.AccessToken)).Code);
        Assert.Equal("invalid_grant", replay.Error);
        Assert.Equal("invalid_grant", successorAfterReplay.Error);
        Assert.Equal(2, await RefreshTokensAsync(email, revoked: true));
        Assert.NotNull((await RefreshAsync(again.RefreshToken!)).RefreshToken);
    }

    [Fact]
    public async Task Revoking_a_refresh_token_ends_its_sign_in_and_only_its_own_client_can_revoke_it()
    {
        var (email, password) = await _callers.CreatePersonAsync();
        var signedIn = await _callers.SignInAsync(email, password);
        var renewed = await RefreshAsync(signedIn.RefreshToken!);
        var other = await _callers.SignInAsync(email, password);

        // Another client's revocation, an unknown token and a spent one are answered alike and change nothing.
        await _callers.TokenEndpoint.RevokeAsync(TestSecrets.OperatorClientId, TestSecrets.OperatorClientSecret, renewed.RefreshToken!);
        await _callers.TokenEndpoint.RevokeAsync(TestSecrets.PortalClientId, TestSecrets.PortalClientSecret, "not-a-refresh-token");
        Assert.Equal(0, await RefreshTokensAsync(email, revoked: true));

        await _callers.TokenEndpoint.RevokeAsync(TestSecrets.PortalClientId, TestSecrets.PortalClientSecret, signedIn.RefreshToken!);

        var afterRevocation = await Assert.ThrowsAsync<TokenEndpointException>(() => RefreshAsync(renewed.RefreshToken!));
        Assert.Equal("invalid_grant", afterRevocation.Error);
        Assert.NotNull((await RefreshAsync(other.RefreshToken!)).RefreshToken);
        var wrongSecret = await Assert.ThrowsAsync<TokenEndpointException>(() =>
            _callers.TokenEndpoint.RevokeAsync(TestSecrets.PortalClientId, "wrong-secret", other.RefreshToken!));
        Assert.Equal("invalid_client", wrongSecret.Error);
    }

    [Fact]
    public async Task A_refresh_token_is_redeemed_only_by_the_client_it_was_issued_to()
    {
        var (email, password) = await _callers.CreatePersonAsync();
        var signedIn = await _callers.SignInAsync(email, password);

        var byOther = await Assert.ThrowsAsync<TokenEndpointException>(() =>
            _callers.TokenEndpoint.RefreshAsync(TestSecrets.OperatorClientId, TestSecrets.OperatorClientSecret, signedIn.RefreshToken!));
        var byPortal = await RefreshAsync(signedIn.RefreshToken!);

        Assert.Equal("invalid_grant", byOther.Error);
        Assert.NotNull(byPortal.RefreshToken);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_person_out_even_with_the_right_one_after()
    {
        var (email, password) = await _callers.CreatePersonAsync();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var wrong = await Assert.ThrowsAsync<TokenEndpointException>(() => _callers.SignInAsync(email, password + "-wrong"));
            Assert.Equal("invalid_grant", wrong.Error);
            Assert.DoesNotContain("locked", wrong.Description, StringComparison.Ordinal);
        }

        var locked = await Assert.ThrowsAsync<TokenEndpointException>(() => _callers.SignInAsync(email, password));

        Assert.Equal("invalid_grant", locked.Error);
        Assert.Contains("locked", locked.Description, StringComparison.Ordinal);
        Assert.Equal(0, await RefreshTokensAsync(email, revoked: false));
    }

    [Fact]
    public async Task Wrong_passwords_sent_in_parallel_each_count_towards_lockout()
    {
        var (email, password) = await _callers.CreatePersonAsync();

        var guesses = Enumerable.Range(0, 8).Select(_ => Assert.ThrowsAsync<TokenEndpointException>(() => _callers.SignInAsync(email, password + "-wrong")));
        await Task.WhenAll(guesses);
        var locked = await Assert.ThrowsAsync<TokenEndpointException>(() => _callers.SignInAsync(email, password));

        Assert.Contains("locked", locked.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_of_an_unknown_person_reads_like_a_wrong_password_of_a_known_one()
    {
        var (email, password) = await _callers.CreatePersonAsync();

        var known = await Assert.ThrowsAsync<TokenEndpointException>(() => _callers.SignInAsync(email, password + "-wrong"));
        var unknown = await Assert.ThrowsAsync<TokenEndpointException>(() => _callers.SignInAsync("nobody-" + email, password));

        Assert.Equal((known.StatusCode, known.Error, known.Description), (unknown.StatusCode, unknown.Error, unknown.Description));
    }

    public void Dispose() => _channel.Dispose();

    private Task<TokenResponse> RefreshAsync(string refreshToken) =>
        _callers.TokenEndpoint.RefreshAsync(TestSecrets.PortalClientId, TestSecrets.PortalClientSecret, refreshToken);

    private Task<ApiOutcome> ListTenantsAsync(string accessToken) =>
        AnyApiCall.CallAsync(_channel, Contracts.V1.Tenants.Descriptor.FindMethodByName("ListTenants"), new ListTenantsRequest(), AnyApiCall.Bearer(accessToken));

    private async Task RevokeAsync(TestClient client)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CoreDbContext>().ApiClients.Where(c => c.Id == client.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.RevokedAt, DateTime.UtcNow));
    }

    private async Task<int> RefreshTokensAsync(string email, bool revoked)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        var person = await db.Users.SingleAsync(p => p.Email == email);
        return await db.RefreshTokens.CountAsync(t => t.PersonId == person.Id && (t.RevokedAt != null) == revoked);
    }

    private Task<TokenAnswer> PostAsync(IEnumerable<(string Key, string Value)> form, (string Id, string Secret)? basic = null) =>
        SendAsync(new FormUrlEncodedContent(form.Select(field => KeyValuePair.Create(field.Key, field.Value))), basic);

    private async Task<TokenAnswer> SendAsync(HttpContent content, (string Id, string Secret)? basic)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = content };
        if (basic is var (id, secret))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(id)}:{Uri.EscapeDataString(secret)}")));
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new TokenAnswer(response.StatusCode, text, JsonDocument.Parse(text).RootElement.Clone(), response.Headers, response.Headers.WwwAuthenticate.ToString());
    }

    private sealed record TokenAnswer(HttpStatusCode Status, string Text, JsonElement Body, HttpResponseHeaders Headers, string WwwAuthenticate);
}
