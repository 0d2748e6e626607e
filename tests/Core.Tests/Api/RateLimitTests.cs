using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using SaaSMdm.Contracts.Auth;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Api.RateLimits;
using SaaSMdm.Core.Identity;
using SaaSMdm.Core.Tenants;
using SaaSMdm.Core.Tests.Api.Authorization;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Client;
using SaaSMdm.TestHosts;
using HealthClient = Grpc.Health.V1.Health.HealthClient;

namespace SaaSMdm.Core.Tests.Api;

/// <summary>Core with tiny rate limits, so tests reach them in a few calls.</summary>
public sealed class RateLimitFixture : IAsyncLifetime
{
    public const int CallerBurst = 4;
    public const int TenantBurst = 6;
    public const int TokenIpBurst = 8;
    public const int TokenClientBurst = 2;

    public TestDatabase Database { get; private set; } = null!;

    public CoreTestHost Host { get; private set; } = null!;

    public TestCallers Callers { get; private set; } = null!;

    public GrpcChannel Channel { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(OnSqlite.Provider);
        Host = await CoreTestHost.StartAsync(Database, new Dictionary<string, string?>
        {
            ["RateLimits:PerCallerPerSecond"] = "1",
            ["RateLimits:PerCallerBurst"] = CallerBurst.ToString(CultureInfo.InvariantCulture),
            ["RateLimits:PerTenantPerSecond"] = "1",
            ["RateLimits:PerTenantBurst"] = TenantBurst.ToString(CultureInfo.InvariantCulture),
            ["RateLimits:TokenRequestsPerIpPerSecond"] = "1",
            ["RateLimits:TokenRequestsPerIpBurst"] = TokenIpBurst.ToString(CultureInfo.InvariantCulture),
            ["RateLimits:TokenRequestsPerClientPerSecond"] = "1",
            ["RateLimits:TokenRequestsPerClientBurst"] = TokenClientBurst.ToString(CultureInfo.InvariantCulture),
        });
        Callers = new TestCallers(Host);
        Channel = GrpcChannel.ForAddress(Host.GrpcAddress);
    }

    /// <summary>A tenant made without the API, so making it costs no caller's tokens.</summary>
    public async Task<Guid> CreateTenantAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var slug = $"r-{Guid.NewGuid():N}"[..20];
        return (await scope.ServiceProvider.GetRequiredService<TenantProvisioner>().CreateAsync(slug, "Rate " + slug, null, CancellationToken.None)).Id;
    }

    /// <summary>A client of <paramref name="tenantId"/> and a token minted for it with Core's key, so getting it costs no token request.</summary>
    public async Task<string> ClientTokenAsync(Guid tenantId)
    {
        var client = await Callers.CreateClientAsync(tenantId, [ApiScopes.DevicesRead]);
        var now = DateTime.UtcNow;
        return Callers.Mint(client, (await Callers.CoreSigningKeyAsync()).Key, now.AddMinutes(-1), now.AddMinutes(10));
    }

    public async Task DisposeAsync()
    {
        Channel.Dispose();
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>Token buckets per caller and per tenant on the API, per address and per client on the token endpoint.</summary>
public sealed partial class RateLimitTests(RateLimitFixture fixture) : IClassFixture<RateLimitFixture>
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task A_caller_beyond_its_burst_gets_RESOURCE_EXHAUSTED_with_a_retry_hint_while_others_go_on()
    {
        var tenant = await fixture.CreateTenantAsync();
        var busy = await fixture.ClientTokenAsync(tenant);
        var sameTenant = await fixture.ClientTokenAsync(tenant);
        var otherTenant = await fixture.CreateTenantAsync();
        var otherTenantsCaller = await fixture.ClientTokenAsync(otherTenant);

        var (admitted, refusal, elapsed) = await CallUntilRefusedAsync([busy], tenant);
        var sameTenantCall = await ListDevicesAsync(sameTenant, tenant);
        var otherTenantCall = await ListDevicesAsync(otherTenantsCaller, otherTenant);

        Assert.InRange(admitted, RateLimitFixture.CallerBurst, RateLimitFixture.CallerBurst + Refills(elapsed));
        var retryAfter = AssertRateLimited(refusal);
        Assert.Equal(StatusCode.OK, sameTenantCall.Code);
        Assert.Equal(StatusCode.OK, otherTenantCall.Code);

        await Task.Delay(retryAfter + TimeSpan.FromMilliseconds(200));
        Assert.Equal(StatusCode.OK, (await ListDevicesAsync(busy, tenant)).Code);
    }

    [Fact]
    public async Task A_tenant_beyond_its_burst_refuses_each_of_its_callers_while_other_tenants_go_on()
    {
        var tenant = await fixture.CreateTenantAsync();
        var callers = new List<string>();
        for (var i = 0; i < RateLimitFixture.TenantBurst + 4; i++)
        {
            callers.Add(await fixture.ClientTokenAsync(tenant));
        }

        var otherTenant = await fixture.CreateTenantAsync();
        var otherCaller = await fixture.ClientTokenAsync(otherTenant);

        // Each caller calls once, so no caller's own bucket runs dry: only the tenant's can.
        var (admitted, refusal, elapsed) = await CallUntilRefusedAsync(callers, tenant);
        var other = await ListDevicesAsync(otherCaller, otherTenant);

        Assert.InRange(admitted, RateLimitFixture.TenantBurst, RateLimitFixture.TenantBurst + Refills(elapsed));
        var retryAfter = AssertRateLimited(refusal);
        Assert.Equal(StatusCode.OK, other.Code);

        await Task.Delay(retryAfter + TimeSpan.FromMilliseconds(200));
        Assert.Equal(StatusCode.OK, (await ListDevicesAsync(callers[^1], tenant)).Code);
    }

    [Fact]
    public async Task Calls_no_caller_was_authorized_for_are_not_counted()
    {
        var health = new HealthClient(fixture.Channel.CreateCallInvoker());
        var tenant = await fixture.CreateTenantAsync();
        var outcomes = new List<StatusCode>();

        for (var i = 0; i < RateLimitFixture.TenantBurst * 2; i++)
        {
            await health.CheckAsync(new HealthCheckRequest());
            outcomes.Add((await ListDevicesAsync("not-a-token", tenant)).Code);
        }

        Assert.All(outcomes, code => Assert.Equal(StatusCode.Unauthenticated, code));
        Assert.Equal(StatusCode.OK, (await ListDevicesAsync(await fixture.ClientTokenAsync(tenant), tenant)).Code);
    }

    [Fact]
    public async Task The_token_endpoint_answers_429_with_Retry_After_per_client_and_per_address()
    {
        var busy = await fixture.Callers.CreateClientAsync(null, [ApiScopes.TenantsRead]);
        var other = await fixture.Callers.CreateClientAsync(null, [ApiScopes.TenantsRead]);
        var fresh = await fixture.Callers.CreateClientAsync(null, [ApiScopes.TenantsRead]);

        var perClient = await RequestTokensUntil429Async(busy.ClientId, busy.Secret);
        var otherClient = await RequestTokenAsync(other.ClientId, other.Secret);
        var wrongSecrets = await RequestTokensUntil429Async(other.ClientId, "wrong-secret");
        var perAddress = await RequestTokensUntil429Async(fresh.ClientId, fresh.Secret);

        // busy was refused while the address had tokens left (other went on); wrong secrets never reach the per-client
        // limit, so their refusal is the address's, and it holds for every client there.
        Assert.InRange(perClient.Admitted, RateLimitFixture.TokenClientBurst, RateLimitFixture.TokenClientBurst + Refills(perClient.Elapsed));
        Assert.Equal(HttpStatusCode.OK, otherClient.StatusCode);
        Assert.InRange(perAddress.Admitted, 0, Refills(perAddress.Elapsed));
        foreach (var refused in new[] { perClient.Refusal, wrongSecrets.Refusal, perAddress.Refusal })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
            using var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            Assert.Equal("temporarily_unavailable", body.RootElement.GetProperty("error").GetString());
        }

        await Task.Delay(perAddress.Refusal.Headers.RetryAfter!.Delta!.Value + TimeSpan.FromMilliseconds(200));
        Assert.Equal(HttpStatusCode.OK, (await RequestTokenAsync(fresh.ClientId, fresh.Secret)).StatusCode);
    }

    /// <summary>How many once-a-second refills (of one token at these test rates) can fall into <paramref name="elapsed"/>.</summary>
    private static int Refills(TimeSpan elapsed) => (int)Math.Ceiling(elapsed.TotalSeconds) + 1;

    private static TimeSpan AssertRateLimited(ApiOutcome? refusal)
    {
        Assert.NotNull(refusal);
        Assert.Equal(StatusCode.ResourceExhausted, refusal.Code);
        var match = RetryMessage().Match(refusal.Detail);
        Assert.True(match.Success, refusal.Detail);
        var milliseconds = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(milliseconds, 1, 1000);
        Assert.Equal(match.Groups[1].Value, refusal.Trailers.GetValue(ApiRateLimitInterceptor.RetryAfterTrailer));
        Assert.Equal(match.Groups[1].Value, refusal.Trailers.GetValue(ApiRateLimitInterceptor.RetryPushbackTrailer));
        return TimeSpan.FromMilliseconds(milliseconds);
    }

    /// <summary>Calls as each of <paramref name="tokens"/> in turn until one is refused; how many went through first and how long it took.</summary>
    private async Task<(int Admitted, ApiOutcome? Refusal, TimeSpan Elapsed)> CallUntilRefusedAsync(IReadOnlyList<string> tokens, Guid tenant)
    {
        var started = Stopwatch.StartNew();
        for (var call = 0; call < 30; call++)
        {
            var outcome = await ListDevicesAsync(tokens[call % tokens.Count], tenant);
            if (outcome.Code != StatusCode.OK)
            {
                return (call, outcome, started.Elapsed);
            }
        }

        return (30, null, started.Elapsed);
    }

    private Task<ApiOutcome> ListDevicesAsync(string token, Guid tenant) =>
        AnyApiCall.CallAsync(fixture.Channel, Devices.Descriptor.FindMethodByName("ListDevices"), new ListDevicesRequest { TenantId = tenant.ToString() }, AnyApiCall.Bearer(token));

    private async Task<(int Admitted, HttpResponseMessage Refusal, TimeSpan Elapsed)> RequestTokensUntil429Async(string clientId, string secret)
    {
        var started = Stopwatch.StartNew();
        for (var request = 0; request < 30; request++)
        {
            var response = await RequestTokenAsync(clientId, secret);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return (request, response, started.Elapsed);
            }
        }

        throw new Xunit.Sdk.XunitException("The token endpoint never answered 429.");
    }

    private Task<HttpResponseMessage> RequestTokenAsync(string clientId, string secret) =>
        Http.PostAsync(
            TokenEndpointClient.EndpointOf(fixture.Host.HttpAddress),
            new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("client_id", clientId), new("client_secret", secret)]));

    [GeneratedRegex("^Rate limit: retry in ([0-9]+) ms$")]
    private static partial Regex RetryMessage();
}
