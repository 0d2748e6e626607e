using System.Net;
using SaaSMdm.Contracts.V1;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Edge.Tests;

/// <summary>What devices see when Core cannot be reached.</summary>
public sealed class EdgeWithoutCoreTests
{
    private static readonly Uri NothingListens = new("http://127.0.0.1:1");

    [Fact]
    public async Task Not_ready_while_Core_is_unreachable_but_still_alive()
    {
        await using var edge = await EdgeTestHost.StartAsync(NothingListens);
        using var http = edge.CreateClient();

        var ready = await http.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("core unreachable", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Tenant_routes_answer_503_with_retry_after_while_Core_is_unreachable()
    {
        await using var edge = await EdgeTestHost.StartAsync(NothingListens);
        using var http = edge.CreateClient();

        var response = await http.GetAsync("/t/some-tenant/");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Malformed_slugs_are_refused_without_asking_Core()
    {
        await using var edge = await EdgeTestHost.StartAsync(NothingListens);
        using var http = edge.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/t/Not_A_Slug/")).StatusCode);
    }

    [Fact]
    public async Task Resolved_tenants_are_cached_so_a_short_Core_outage_does_not_stop_known_tenants()
    {
        await using var database = await TestDatabase.CreateAsync(Core.Data.DatabaseProvider.Sqlite);
        var core = await CoreTestHost.StartAsync(database);
        await core.Tenants.CreateTenantAsync(new CreateTenantRequest { Slug = "cached-tenant", DisplayName = "Cached" });
        await using var edge = await EdgeTestHost.StartAsync(core.GrpcAddress);
        using var http = edge.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/t/cached-tenant/")).StatusCode);

        await core.DisposeAsync();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/t/cached-tenant/")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/t/never-seen/")).StatusCode);
    }
}
