using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using SaaSMdm.Contracts.Auth;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Identity;
using SaaSMdm.Core.Security;
using SaaSMdm.Core.Tests.Api.Authorization;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Client;
using SaaSMdm.TestHosts;
using static SaaSMdm.Core.Tests.Api.Authorization.AnyApiCall;

namespace SaaSMdm.Core.Tests;

/// <summary>
/// Runs what handles secrets (token requests right and wrong, sign-in and refresh, API calls with good and bad tokens,
/// enrollment secrets) on a Core that logs everything down to Trace, then looks for every secret involved in every
/// log message and every structured value. To cover a new kind of secret, add a step that uses it and remembers it.
/// </summary>
public sealed class SecretsInLogsTests : IAsyncLifetime
{
    private static readonly HttpClient Http = new();

    private readonly List<(string What, string Value)> _secrets = [];
    private TestDatabase _database = null!;
    private CoreTestHost _host = null!;
    private TestCallers _callers = null!;
    private GrpcChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _host = await CoreTestHost.StartAsync(_database, new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Trace",
            ["Webhooks:AllowInsecureHttp"] = "true",
            ["Webhooks:AllowPrivateNetworks"] = "true",
        });
        _callers = new TestCallers(_host);
        _channel = GrpcChannel.ForAddress(_host.GrpcAddress);
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task No_token_secret_password_or_key_appears_in_any_log_message_or_structured_value()
    {
        Remember("operator client secret", TestSecrets.OperatorClientSecret);
        Remember("portal client secret", TestSecrets.PortalClientSecret);
        var operatorToken = await ClientCredentialsAsync(TestSecrets.OperatorClientId, TestSecrets.OperatorClientSecret);
        var tenant = await CreateTenantAsync(operatorToken);
        var client = await TenantClientAsync(tenant);
        await WrongClientSecretsAsync(client);
        await PersonSignInAndRefreshAsync(tenant);
        await ApiCallsWithGoodAndBadTokensAsync(client, tenant);
        await EnrollmentTokenAsync(client, tenant);
        await WebhookAsync(operatorToken, tenant);
        await SigningKeysAsync();
        await DataProtectionKeysAsync();

        Assert.Contains(_host.Logs.Lines, line => line.StartsWith("Trace ", StringComparison.Ordinal));
        Assert.Contains(_host.Logs.Lines, line => line.StartsWith("Debug SaaSMdm.Rpc.Interceptors.CallLoggingInterceptor", StringComparison.Ordinal));
        var logged = _host.Logs.Lines.Concat(_host.Logs.StructuredValues).ToList();
        foreach (var (what, value) in _secrets)
        {
            var leak = logged.FirstOrDefault(entry => entry.Contains(value, StringComparison.Ordinal));
            Assert.True(leak is null, $"The {what} was logged: {leak}");
        }
    }

    private void Remember(string what, string value)
    {
        Assert.True(value.Length >= 16, $"The {what} is too short to look for.");
        _secrets.Add((what, value));
    }

    /// <summary>A JWT as a whole and its signature alone (its header is the same in every token).</summary>
    private void RememberToken(string what, string token)
    {
        Remember(what, token);
        Remember(what + " signature", token.Split('.')[2]);
    }

    private async Task<string> ClientCredentialsAsync(string clientId, string secret)
    {
        var token = (await _callers.TokenEndpoint.ClientCredentialsAsync(clientId, secret)).AccessToken;
        RememberToken($"access token of {clientId}", token);
        return token;
    }

    private async Task<Tenant> CreateTenantAsync(string operatorToken)
    {
        var outcome = await CallAsync(
            _channel, Contracts.V1.Tenants.Descriptor.FindMethodByName("CreateTenant"), new CreateTenantRequest { Slug = "logs", DisplayName = "Logs" }, Bearer(operatorToken));
        Assert.Equal(StatusCode.OK, outcome.Code);
        return (Tenant)outcome.Response!;
    }

    /// <summary>A tenant's client, authenticated once with HTTP Basic and once with form fields.</summary>
    private async Task<TestClient> TenantClientAsync(Tenant tenant)
    {
        var client = await _callers.CreateClientAsync(Guid.Parse(tenant.Id), ApiScopes.TenantScopes);
        Remember("tenant client secret", client.Secret);
        await ClientCredentialsAsync(client.ClientId, client.Secret);
        using var form = await PostFormAsync(("grant_type", "client_credentials"), ("client_id", client.ClientId), ("client_secret", client.Secret));
        RememberToken("access token by form", System.Text.Json.JsonDocument.Parse(await form.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!);
        return client;
    }

    private async Task WrongClientSecretsAsync(TestClient client)
    {
        var wrongBasic = ClientSecrets.NewSecret();
        var wrongForm = ClientSecrets.NewSecret();
        Remember("wrong secret sent with Basic", wrongBasic);
        Remember("wrong secret sent in the form", wrongForm);

        var basic = await Assert.ThrowsAsync<TokenEndpointException>(() => _callers.TokenEndpoint.ClientCredentialsAsync(client.ClientId, wrongBasic));
        using var form = await PostFormAsync(("grant_type", "client_credentials"), ("client_id", client.ClientId), ("client_secret", wrongForm));
        using var both = await PostFormAsync(("grant_type", "client_credentials"), ("client_id", client.ClientId), ("client_secret", wrongForm), ("client_secret", wrongBasic));

        Assert.Equal(401, basic.StatusCode);
        Assert.Equal(401, (int)form.StatusCode);
        Assert.Equal(400, (int)both.StatusCode);
    }

    private async Task PersonSignInAndRefreshAsync(Tenant tenant)
    {
        var (email, password) = await _callers.CreatePersonAsync(Guid.Parse(tenant.Id), Data.Entities.TenantRole.Admin);
        Remember("password", password);
        var wrongPassword = password + "-but-wrong";
        Remember("wrong password", wrongPassword);

        await Assert.ThrowsAsync<TokenEndpointException>(() => _callers.SignInAsync(email, wrongPassword));
        var signedIn = await _callers.SignInAsync(email, password);
        RememberToken("person's access token", signedIn.AccessToken);
        Remember("refresh token", signedIn.RefreshToken!);
        var refreshed = await _callers.TokenEndpoint.RefreshAsync(TestSecrets.PortalClientId, TestSecrets.PortalClientSecret, signedIn.RefreshToken!);
        RememberToken("refreshed access token", refreshed.AccessToken);
        Remember("next refresh token", refreshed.RefreshToken!);
        await Assert.ThrowsAsync<TokenEndpointException>(() => _callers.TokenEndpoint.RefreshAsync(TestSecrets.PortalClientId, TestSecrets.PortalClientSecret, signedIn.RefreshToken!));

        Assert.Equal(StatusCode.OK, (await ListDevicesAsync(refreshed.AccessToken, tenant)).Code);
    }

    private async Task ApiCallsWithGoodAndBadTokensAsync(TestClient client, Tenant tenant)
    {
        var coreKey = await _callers.CoreSigningKeyAsync();
        var now = DateTime.UtcNow;
        var expired = _callers.Mint(client, coreKey.Key, now.AddHours(-2), now.AddHours(-1));
        var foreign = _callers.Mint(client, TestCallers.ForeignKey(coreKey.Id), now, now.AddMinutes(5));
        var garbage = "garbage-" + Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24));
        RememberToken("expired token", expired);
        RememberToken("token signed by another key", foreign);
        Remember("garbage token", garbage);

        Assert.Equal(StatusCode.OK, (await ListDevicesAsync(await _callers.TokenAsync(client), tenant)).Code);
        Assert.Equal(StatusCode.Unauthenticated, (await ListDevicesAsync(expired, tenant)).Code);
        Assert.Equal(StatusCode.Unauthenticated, (await ListDevicesAsync(foreign, tenant)).Code);
        Assert.Equal(StatusCode.Unauthenticated, (await ListDevicesAsync(garbage, tenant)).Code);
    }

    private async Task EnrollmentTokenAsync(TestClient client, Tenant tenant)
    {
        var outcome = await CallAsync(
            _channel, Contracts.V1.Enrollment.Descriptor.FindMethodByName("CreateEnrollmentToken"),
            new CreateEnrollmentTokenRequest { TenantId = tenant.Id, Label = "Logs" }, Bearer(await _callers.TokenAsync(client)));

        Assert.Equal(StatusCode.OK, outcome.Code);
        Remember("enrollment secret", ((CreateEnrollmentTokenResponse)outcome.Response!).Secret);
    }

    /// <summary>A webhook whose endpoint refuses connections, so the dispatcher also logs a failed delivery.</summary>
    private async Task WebhookAsync(string operatorToken, Tenant tenant)
    {
        var created = await CallAsync(
            _channel, Contracts.V1.Webhooks.Descriptor.FindMethodByName("CreateWebhook"),
            new CreateWebhookRequest { TenantId = tenant.Id, Url = "http://127.0.0.1:9/hook" }, Bearer(operatorToken));
        Assert.Equal(StatusCode.OK, created.Code);
        var webhook = (CreateWebhookResponse)created.Response!;
        Remember("webhook secret", webhook.Secret);

        var rotated = await CallAsync(
            _channel, Contracts.V1.Webhooks.Descriptor.FindMethodByName("RotateWebhookSecret"),
            new RotateWebhookSecretRequest { TenantId = tenant.Id, WebhookId = webhook.Webhook.Id }, Bearer(operatorToken));
        Assert.Equal(StatusCode.OK, rotated.Code);
        Remember("rotated webhook secret", ((RotateWebhookSecretResponse)rotated.Response!).Secret);

        var test = await CallAsync(
            _channel, Contracts.V1.Webhooks.Descriptor.FindMethodByName("SendTestEvent"),
            new SendTestEventRequest { TenantId = tenant.Id, WebhookId = webhook.Webhook.Id }, Bearer(operatorToken));
        Assert.Equal(StatusCode.OK, test.Code);

        // The dispatcher's failed attempt (and what it logs about it) must be among the lines checked.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var deliveries = await CallAsync(
                _channel, Contracts.V1.Webhooks.Descriptor.FindMethodByName("ListWebhookDeliveries"),
                new ListWebhookDeliveriesRequest { TenantId = tenant.Id, WebhookId = webhook.Webhook.Id }, Bearer(operatorToken));
            if (((ListWebhookDeliveriesResponse)deliveries.Response!).Deliveries.Any(delivery => delivery.Attempts.Count > 0))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "The test event was never attempted.");
            await Task.Delay(200);
        }
    }

    /// <summary>Each signing key as stored (protected) and its private scalar d in the encodings a careless log might use.</summary>
    private async Task SigningKeysAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var protector = scope.ServiceProvider.GetRequiredService<SecretProtector>();
        foreach (var row in await scope.ServiceProvider.GetRequiredService<CoreDbContext>().SigningKeys.ToListAsync())
        {
            Remember("protected signing key", row.ProtectedPrivateKey);
            var pkcs8 = protector.Unprotect(SecretPurpose.TokenSigningKey, row.ProtectedPrivateKey);
            using var key = ECDsa.Create();
            key.ImportPkcs8PrivateKey(pkcs8, out _);
            var d = key.ExportParameters(includePrivateParameters: true).D!;
            Remember("signing key PKCS#8", Convert.ToBase64String(pkcs8));
            Remember("signing key d (base64url)", Base64UrlEncoder.Encode(d));
            Remember("signing key d (base64)", Convert.ToBase64String(d));
            Remember("signing key d (hex)", Convert.ToHexString(d));
            Remember("signing key d (lower-case hex)", Convert.ToHexString(d).ToLowerInvariant());
        }
    }

    /// <summary>The Data Protection master keys, which decrypt every secret at rest.</summary>
    private async Task DataProtectionKeysAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        foreach (var xml in await scope.ServiceProvider.GetRequiredService<CoreDbContext>().DataProtectionKeys.Select(key => key.Xml).ToListAsync())
        {
            foreach (var value in XElement.Parse(xml).Descendants("value"))
            {
                Remember("Data Protection master key", value.Value);
            }
        }
    }

    private Task<ApiOutcome> ListDevicesAsync(string token, Tenant tenant) =>
        CallAsync(_channel, Devices.Descriptor.FindMethodByName("ListDevices"), new ListDevicesRequest { TenantId = tenant.Id }, Bearer(token));

    private Task<HttpResponseMessage> PostFormAsync(params (string Key, string Value)[] fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, TokenEndpointClient.EndpointOf(_host.HttpAddress))
        {
            Content = new FormUrlEncodedContent(fields.Select(field => KeyValuePair.Create(field.Key, field.Value))),
        };
        return Http.SendAsync(request);
    }
}
