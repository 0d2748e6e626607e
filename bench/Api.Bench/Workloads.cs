using Grpc.Health.V1;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Rpc.Client;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Api.Bench;

/// <summary>
/// What the bench measures, in order: tokens from the token endpoint, the health check (no token, one database
/// probe: the baseline without authentication), then a read, an audited write and a call about no tenant, each made
/// by the operator and by the tenant's client.
/// </summary>
internal static class Workloads
{
    private const string Operator = "operator";
    private const string TenantClient = "tenant client";

    /// <param name="withoutToken">A channel to Core that sends no access token.</param>
    public static IReadOnlyList<Workload> Of(SystemUnderTest system, GrpcChannel withoutToken, BenchTenant tenant, BenchArguments arguments)
    {
        var tokens = PhaseBudget.For(arguments.Tokens);
        var calls = arguments.Calls;
        var health = new Health.HealthClient(withoutToken.CreateCallInvoker());
        var callers = new (string Name, GrpcChannel Channel)[] { (Operator, system.Channel), (TenantClient, tenant.ClientChannel) };
        return
        [
            new("token: client_credentials", TenantClient, tokens, _ => tenant.TokenEndpoint.ClientCredentialsAsync(tenant.ClientId, tenant.ClientSecret)),
            new("Health/Check", "no token", calls, _ => health.CheckAsync(new HealthCheckRequest()).ResponseAsync),
            .. callers.Select(caller => ListDeclarations(caller.Name, caller.Channel, tenant, calls)),
            .. callers.Select(caller => PutDeclaration(caller.Name, caller.Channel, tenant, calls)),
            .. callers.Select(caller => ListTenants(caller.Name, caller.Channel, calls)),
        ];
    }

    private static Workload ListDeclarations(string caller, GrpcChannel channel, BenchTenant tenant, PhaseBudget budget)
    {
        var api = new Declarations.DeclarationsClient(channel.CreateCallInvoker());
        var request = new ListDeclarationsRequest { TenantId = tenant.Id, PageSize = BenchTenant.DeclarationCount };
        return new($"Declarations/ListDeclarations ({BenchTenant.DeclarationCount})", caller, budget, _ => api.ListDeclarationsAsync(request).ResponseAsync);
    }

    /// <summary>Each caller of a phase flips its own declaration, so concurrent writes change different rows.</summary>
    private static Workload PutDeclaration(string caller, GrpcChannel channel, BenchTenant tenant, PhaseBudget budget)
    {
        var api = new Declarations.DeclarationsClient(channel.CreateCallInvoker());
        return new("Declarations/PutDeclaration", caller, budget, index => api.PutDeclarationAsync(tenant.NextPut(index)).ResponseAsync);
    }

    private static Workload ListTenants(string caller, GrpcChannel channel, PhaseBudget budget)
    {
        var api = new Tenants.TenantsClient(channel.CreateCallInvoker());
        return new("Tenants/ListTenants", caller, budget, _ => api.ListTenantsAsync(new ListTenantsRequest()).ResponseAsync);
    }
}
