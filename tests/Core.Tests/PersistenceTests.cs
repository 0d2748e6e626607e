using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests;

public sealed class PersistenceTests
{
    [Fact]
    public async Task Tenants_and_the_demo_tenant_survive_a_restart_and_seeding_runs_once()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var seed = new Dictionary<string, string?> { ["Demo:SeedTenant"] = "true", ["Demo:TenantSlug"] = "demo", ["Demo:TenantDisplayName"] = "Demo Org" };

        string createdId;
        await using (var first = await CoreTestHost.StartAsync(database, seed))
        {
            createdId = (await first.Tenants.CreateTenantAsync(new CreateTenantRequest { Slug = "kept-tenant", DisplayName = "Kept" })).Id;
        }

        await using var second = await CoreTestHost.StartAsync(database, seed);
        var all = await second.Tenants.ListTenantsAsync(new ListTenantsRequest());

        Assert.Equal(["demo", "kept-tenant"], all.Tenants.Select(t => t.Slug));
        Assert.Equal(createdId, all.Tenants.Single(t => t.Slug == "kept-tenant").Id);
        Assert.Equal("Demo Org", all.Tenants.Single(t => t.Slug == "demo").DisplayName);
    }
}
