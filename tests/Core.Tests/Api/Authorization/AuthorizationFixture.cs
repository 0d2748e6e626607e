using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Identity;
using SaaSMdm.Rpc.Client;
using SaaSMdm.TestHosts;
using TenantRole = SaaSMdm.Core.Data.Entities.TenantRole;

namespace SaaSMdm.Core.Tests.Api.Authorization;

/// <summary>
/// The parties of the authorization tests on one Core: tenants A and B, an API client of each holding every scope
/// there is (so only the tenant and the handlers' own checks can refuse them), an operator client, the owner of
/// tenant B and a read-only member of tenant A.
/// </summary>
public sealed class AuthorizationFixture : ApiFixture<OnSqlite>, IAsyncLifetime
{
    public TestCallers Callers { get; private set; } = null!;

    /// <summary>A channel that sends no token of its own: each call names its caller.</summary>
    public GrpcChannel PlainChannel { get; private set; } = null!;

    public Tenant TenantA { get; private set; } = null!;

    public Tenant TenantB { get; private set; } = null!;

    public TestClient ClientA { get; private set; } = null!;

    public TestClient ClientB { get; private set; } = null!;

    public TestClient Operator { get; private set; } = null!;

    public string OwnerOfBToken { get; private set; } = null!;

    public string ReadOnlyOfAToken { get; private set; } = null!;

    /// <summary>The walk asks one client for a token per scope set and calls fast; rate limits are RateLimitTests' business.</summary>
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["RateLimits:PerCallerBurst"] = "100000",
        ["RateLimits:TokenRequestsPerClientBurst"] = "100000",
    };

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        Callers = new TestCallers(Host);
        PlainChannel = GrpcChannel.ForAddress(Host.GrpcAddress);
        TenantA = await CreateTenantAsync();
        TenantB = await CreateTenantAsync();
        ClientA = await Callers.CreateClientAsync(Guid.Parse(TenantA.Id), ApiScopes.All);
        ClientB = await Callers.CreateClientAsync(Guid.Parse(TenantB.Id), ApiScopes.All);
        Operator = await Callers.CreateClientAsync(null, ApiScopes.All, isOperator: true);
        OwnerOfBToken = await SignedInTokenAsync(TenantB, TenantRole.Owner);
        ReadOnlyOfAToken = await SignedInTokenAsync(TenantA, TenantRole.ReadOnly);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        PlainChannel.Dispose();
        await DisposeAsync();
    }

    private async Task<string> SignedInTokenAsync(Tenant tenant, TenantRole role)
    {
        var (email, password) = await Callers.CreatePersonAsync(Guid.Parse(tenant.Id), role);
        return (await Callers.SignInAsync(email, password)).AccessToken;
    }
}
