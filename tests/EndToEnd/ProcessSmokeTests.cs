using System.Net;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.TestHosts;

namespace SaaSMdm.EndToEnd;

/// <summary>The two processes come up, talk to each other, and stop cleanly.</summary>
public sealed class ProcessSmokeTests
{
    [Fact]
    public async Task Core_and_Edge_run_as_separate_processes_and_Edge_resolves_tenants_through_Core()
    {
        await using var system = await SystemUnderTest.StartAsync(DatabaseProvider.Sqlite);
        await system.Tenants.CreateTenantAsync(new CreateTenantRequest { Slug = "process-smoke", DisplayName = "Process Smoke" });
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
        using var http = new HttpClient(handler) { BaseAddress = system.EdgeAddress };

        var known = await http.GetAsync("/t/process-smoke/");
        var unknown = await http.GetAsync("/t/not-a-tenant/");

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.NotEqual(system.Core.ProcessId, system.Edge.ProcessId);
    }
}
