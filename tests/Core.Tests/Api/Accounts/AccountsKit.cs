using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaaSMdm.Contracts.Auth;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Identity;
using SaaSMdm.Rpc.Client;
using SaaSMdm.TestHosts;
using ApiTenantRole = SaaSMdm.Contracts.V1.TenantRole;
using TenantsClient = SaaSMdm.Contracts.V1.Tenants.TenantsClient;

namespace SaaSMdm.Core.Tests.Api.Accounts;

/// <summary>
/// Accounts made the way tenants and MSPs make them, through the API and the real token endpoint, and channels that
/// call as them. Disposing the kit disposes every channel it made.
/// </summary>
public sealed class AccountsKit(CoreTestHost host) : IDisposable
{
    public const string Password = "a long enough test password";

    private readonly HttpClient _http = new() { BaseAddress = host.HttpAddress };
    private readonly List<GrpcChannel> _channels = [];

    public TokenEndpointClient Tokens => new(_http, TokenEndpointClient.EndpointOf(host.HttpAddress));

    public HttpClient Http => _http;

    /// <summary>The bootstrap operator client's channel.</summary>
    public GrpcChannel Operator => host.Channel;

    public static string NewEmail() => $"p-{Guid.NewGuid():N}@example.test";

    public GrpcChannel ClientChannel(string clientId, string secret) =>
        Track(GrpcChannel.ForAddress(host.GrpcAddress, new GrpcChannelOptions { Credentials = new ClientCredentials(Tokens, clientId, secret) }));

    /// <summary>A channel whose calls carry this one access token, as long as it lives.</summary>
    public GrpcChannel TokenChannel(string accessToken) =>
        Track(GrpcChannel.ForAddress(host.GrpcAddress, new GrpcChannelOptions { Credentials = new Bearer(accessToken) }));

    public async Task<Tenant> CreateTenantAsync()
    {
        var slug = $"a-{Guid.NewGuid():N}"[..20];
        return await new TenantsClient(Operator.CreateCallInvoker()).CreateTenantAsync(new CreateTenantRequest { Slug = slug, DisplayName = "Accounts " + slug });
    }

    /// <summary>A client of the tenant made through the API by <paramref name="creator"/> (the operator by default).</summary>
    public async Task<CreateApiClientResponse> CreateClientAsync(string tenantId, IEnumerable<string> scopes, GrpcChannel? creator = null) =>
        await new ApiClients.ApiClientsClient((creator ?? Operator).CreateCallInvoker())
            .CreateApiClientAsync(new CreateApiClientRequest { TenantId = tenantId, Name = "test client", Scopes = { scopes } });

    public async Task<GrpcChannel> ClientOfTenantAsync(string tenantId, params string[] scopes)
    {
        var created = await CreateClientAsync(tenantId, scopes);
        return ClientChannel(created.Client.ClientId, created.ClientSecret);
    }

    /// <summary>Invites a new person into the tenant with <paramref name="role"/>, sets their password and signs them in.</summary>
    public async Task<(Member Member, GrpcChannel Channel)> PersonInTenantAsync(string tenantId, ApiTenantRole role)
    {
        var added = await new Members.MembersClient(Operator.CreateCallInvoker()).AddMemberAsync(
            new AddMemberRequest { TenantId = tenantId, Email = NewEmail(), DisplayName = "Test Person", Role = role });
        return (added.Member, await SignedInChannelAsync(added.Member.Email));
    }

    /// <summary>Sets an invited person's password with a reset token, through the account endpoint, and signs them in.</summary>
    public async Task<GrpcChannel> SignedInChannelAsync(string email)
    {
        await SetPasswordAsync(email);
        var token = await SignInAsync(email);
        return TokenChannel(token.AccessToken);
    }

    public async Task SetPasswordAsync(string email)
    {
        using var response = await _http.PostAsJsonAsync(AccountEndpoints.ResetPasswordPath,
            new { email, token = await ResetTokenAsync(email), new_password = Password });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    public Task<TokenResponse> SignInAsync(string email, string? twoFactorCode = null, string password = Password) =>
        Tokens.PasswordAsync(TestSecrets.PortalClientId, TestSecrets.PortalClientSecret, email, password, twoFactorCode);

    /// <summary>A password reset token, as the person's email would bring it (Core sends none outside Development).</summary>
    public Task<string> ResetTokenAsync(string email) => WithPeopleAsync(async people => await people.GeneratePasswordResetTokenAsync((await people.FindByEmailAsync(email))!));

    public async Task<T> WithPeopleAsync<T>(Func<UserManager<PersonEntity>, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<UserManager<PersonEntity>>());
    }

    /// <summary>How many rows <paramref name="rows"/> finds now, across all tenants: equal before and after shows nothing was added.</summary>
    public async Task<int> CountAsync<T>(Func<CoreDbContext, IQueryable<T>> rows)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await rows(scope.ServiceProvider.GetRequiredService<CoreDbContext>()).CountAsync();
    }

    public Task<PersonEntity?> FindPersonAsync(string email) => WithPeopleAsync(people => people.FindByEmailAsync(email));

    /// <summary>An access token for a person as the portal would hold one, for a person who could not sign in yet.</summary>
    public async Task<string> PersonAccessTokenAsync(string personId)
    {
        var caller = new ApiCaller(CallerKind.Person, Guid.Parse(personId), "test person", ApiScopes.All, null, null, IsOperator: false);
        return (await host.Services.GetRequiredService<AccessTokens>().IssueAsync(caller, TestSecrets.PortalClientId, CancellationToken.None)).AccessToken;
    }

    public void Dispose()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }

        _http.Dispose();
    }

    private GrpcChannel Track(GrpcChannel channel)
    {
        _channels.Add(channel);
        return channel;
    }

    private sealed class Bearer(string accessToken) : CallCredentials
    {
        public override ValueTask<string> GetAuthorizationAsync(CancellationToken cancellationToken) => ValueTask.FromResult("Bearer " + accessToken);
    }
}
