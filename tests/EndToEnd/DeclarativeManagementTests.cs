using SaaSMdm.Contracts.V1;
using SaaSMdm.DeviceSim;
using SaaSMdm.TestHosts;

namespace SaaSMdm.EndToEnd;

public sealed class DeclarativeManagementOnSqlite(LifecycleFixture<OnSqlite> fixture) : DeclarativeManagementTests<OnSqlite>(fixture);

public sealed class DeclarativeManagementOnPostgres(LifecycleFixture<OnPostgres> fixture) : DeclarativeManagementTests<OnPostgres>(fixture);

/// <summary>
/// Declarative Device Management through Edge and Core as processes: declarations in a set assigned to a fleet of
/// simulated devices, which sync them as devices do (tokens in the command, declaration-items, changed declarations)
/// and report their status back.
/// </summary>
public abstract class DeclarativeManagementTests<TProvider>(LifecycleFixture<TProvider> fixture) : IClassFixture<LifecycleFixture<TProvider>>
    where TProvider : IProviderChoice
{
    private const int FleetSize = 20;
    private const string Activation = "com.example.activation.baseline";
    private const string Passcode = "com.example.passcode";
    private const string Echo = "com.example.echo";

    private SystemUnderTest System => fixture.System;

    private Declarations.DeclarationsClient DeclarationsApi => new(System.Channel.CreateCallInvoker());

    private DeclarativeStatus.DeclarativeStatusClient StatusApi => new(System.Channel.CreateCallInvoker());

    private Devices.DevicesClient DevicesApi => new(System.Channel.CreateCallInvoker());

    [Fact]
    public async Task A_set_assigned_to_a_fleet_is_synced_reported_active_changed_one_declaration_at_a_time_and_removed()
    {
        var tenant = await TestTenant.CreateAsync(System, fixture.Apns, "ddm");
        using var fleet = SimulatedFleets.Create(System, fixture.Keys, tenant, FleetSize);
        Assert.Empty((await fleet.EnrollAsync()).Failures);
        // The DeclarativeManagement command of the first TokenUpdate turns DDM on: every device syncs the built-ins.
        Assert.Empty((await fleet.RunCommandLoopsAsync()).Failures);
        Assert.All(fleet.Devices, device => Assert.Contains("saasmdm.status-subscriptions", device.Declarative.Declarations.Keys));

        await PutAsync(tenant, Passcode, "com.apple.configuration.passcode.settings", """{"RequirePasscode": true, "MinimumLength": 6}""");
        await PutAsync(tenant, Echo, "com.apple.configuration.management.test", """{"Echo": "first"}""");
        await PutAsync(tenant, Activation, "com.apple.activation.simple", $$"""{"StandardConfigurations": ["{{Passcode}}", "{{Echo}}"]}""");
        var set = await DeclarationsApi.CreateSetAsync(new CreateSetRequest { TenantId = tenant.Id, Name = "Baseline" });
        await DeclarationsApi.SetSetDeclarationsAsync(new SetDeclarationsRequest { TenantId = tenant.Id, SetId = set.Id, Identifiers = { Activation, Passcode, Echo } });
        var deviceIds = await DeviceIdsAsync(tenant);

        var assigned = await DeclarationsApi.AssignSetAsync(new AssignSetRequest { TenantId = tenant.Id, SetId = set.Id, DeviceIds = { deviceIds } });

        Assert.Equal(FleetSize, assigned.Sync.Notified);
        Assert.Empty((await fleet.RunCommandLoopsAsync()).Failures);
        foreach (var device in fleet.Devices)
        {
            foreach (var identifier in (string[])[Activation, Passcode, Echo])
            {
                Assert.True(device.Declarative.StatusOf(identifier).Active, $"{identifier} is not active on {device.Facts.Platform}");
            }
        }

        foreach (var identifier in (string[])[Activation, Passcode, Echo])
        {
            var fleetStatus = await StatusApi.GetDeclarationFleetStatusAsync(new GetDeclarationFleetStatusRequest { TenantId = tenant.Id, Identifier = identifier });
            Assert.Equal((FleetSize, FleetSize, 0, 0), (fleetStatus.Total, fleetStatus.Active, fleetStatus.Failed, fleetStatus.Pending));
        }

        var tokensBefore = await ServerTokensAsync(tenant);
        var fetchesBefore = fleet.Devices.Select(DeclarationFetches).ToList();
        var changed = await PutAsync(tenant, Echo, "com.apple.configuration.management.test", """{"Echo": "second"}""");

        Assert.Equal(FleetSize, changed.Sync.Notified);
        var tokensAfter = await ServerTokensAsync(tenant);
        Assert.Equal([Echo], tokensAfter.Where(token => tokensBefore[token.Key] != token.Value).Select(token => token.Key));
        var pending = await StatusApi.GetDeclarationFleetStatusAsync(new GetDeclarationFleetStatusRequest { TenantId = tenant.Id, Identifier = Echo });
        Assert.Equal((FleetSize, 0, FleetSize), (pending.Total, pending.Active, pending.Pending));

        Assert.Empty((await fleet.RunCommandLoopsAsync()).Failures);
        Assert.Equal(fetchesBefore.Select(count => count + 1), fleet.Devices.Select(DeclarationFetches));
        Assert.All(fleet.Devices, device => Assert.Equal(tokensAfter[Echo], device.Declarative.Declarations[Echo].ServerToken));
        var picked = await StatusApi.GetDeclarationFleetStatusAsync(new GetDeclarationFleetStatusRequest { TenantId = tenant.Id, Identifier = Echo });
        Assert.Equal((FleetSize, FleetSize), (picked.Total, picked.Active));

        var unassigned = await DeclarationsApi.UnassignSetAsync(new AssignSetRequest { TenantId = tenant.Id, SetId = set.Id, DeviceIds = { deviceIds } });

        Assert.Equal(FleetSize, unassigned.Sync.Notified);
        Assert.Empty((await fleet.RunCommandLoopsAsync()).Failures);
        Assert.All(fleet.Devices, device => Assert.DoesNotContain(device.Declarative.Declarations.Keys, key => key.StartsWith("com.example.", StringComparison.Ordinal)));
        Assert.All(fleet.Devices, device => Assert.Contains("saasmdm.status-subscriptions", device.Declarative.Declarations.Keys));
        var gone = await StatusApi.GetDeclarationFleetStatusAsync(new GetDeclarationFleetStatusRequest { TenantId = tenant.Id, Identifier = Passcode });
        Assert.Equal(0, gone.Total);
    }

    private static int DeclarationFetches(SimulatedDevice device) => device.DeclarativeRequests.GetValueOrDefault("declaration");

    private async Task<PutDeclarationResponse> PutAsync(TestTenant tenant, string identifier, string type, string payload) =>
        await DeclarationsApi.PutDeclarationAsync(new PutDeclarationRequest { TenantId = tenant.Id, Identifier = identifier, Type = type, PayloadJson = payload });

    private async Task<List<string>> DeviceIdsAsync(TestTenant tenant)
    {
        var listed = await DevicesApi.ListDevicesAsync(new ListDevicesRequest { TenantId = tenant.Id, PageSize = 100 });
        Assert.Equal(FleetSize, listed.Devices.Count);
        return [.. listed.Devices.Select(device => device.Id)];
    }

    private async Task<Dictionary<string, string>> ServerTokensAsync(TestTenant tenant)
    {
        var listed = await DeclarationsApi.ListDeclarationsAsync(new ListDeclarationsRequest { TenantId = tenant.Id });
        return listed.Declarations.ToDictionary(declaration => declaration.Identifier, declaration => declaration.ServerToken);
    }
}
