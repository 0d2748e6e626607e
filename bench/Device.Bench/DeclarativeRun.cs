using System.Diagnostics;
using SaaSMdm.Contracts.V1;
using SaaSMdm.DeviceSim;
using SaaSMdm.DeviceSim.Fleet;
using SaaSMdm.Rpc.Client;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Device.Bench;

/// <summary>
/// Declarative management at fleet scale: a set of three declarations assigned to every device through one group,
/// then one declaration changed (each timed through the API: tokens for every device computed, notifications
/// queued), the devices syncing the change, and <c>tokens</c> / <c>declaration-items</c> requests through Edge and Core.
/// </summary>
internal sealed class DeclarativeRun(BenchSystem system, TestTenant tenant, FleetSteps steps, BenchArguments arguments, TextWriter output)
{
    private const int GroupChunk = 10_000;
    private const string Activation = "com.example.bench.activation";
    private const string Passcode = "com.example.bench.passcode";
    private const string Echo = "com.example.bench.echo";

    private Declarations.DeclarationsClient Api => new(system.System.Channel.CreateCallInvoker());

    public async Task<DeclarativeResult> RunAsync(DeviceFleet fleet, IReadOnlyList<string> deviceIds)
    {
        await PutAsync(Passcode, "com.apple.configuration.passcode.settings", """{"RequirePasscode": true}""");
        await PutAsync(Echo, "com.apple.configuration.management.test", """{"Echo": "first"}""");
        await PutAsync(Activation, "com.apple.activation.simple", $$"""{"StandardConfigurations": ["{{Passcode}}", "{{Echo}}"]}""");
        var set = await Api.CreateSetAsync(new CreateSetRequest { TenantId = tenant.Id, Name = "bench" });
        await Api.SetSetDeclarationsAsync(new SetDeclarationsRequest { TenantId = tenant.Id, SetId = set.Id, Identifiers = { Activation, Passcode, Echo } });
        var group = await Api.CreateDeviceGroupAsync(new CreateDeviceGroupRequest { TenantId = tenant.Id, Name = "everyone" });
        foreach (var chunk in deviceIds.Chunk(GroupChunk))
        {
            await Api.AddDevicesToGroupAsync(new GroupDevicesRequest { TenantId = tenant.Id, GroupId = group.Id, DeviceIds = { chunk } });
        }

        var watch = Stopwatch.StartNew();
        var assigned = await Api.AssignSetAsync(new AssignSetRequest { TenantId = tenant.Id, SetId = set.Id, GroupIds = { group.Id } });
        var assign = watch.Elapsed;
        output.WriteLine($"    assigned a set of 3 declarations to {assigned.Sync.Notified:N0} devices ({assign.TotalSeconds:F2} s, {assigned.Sync.Commands} commands)");
        await steps.RunAsync(fleet, "ddm synced", device => device.IsEnrolled, ConnectAsync);

        watch.Restart();
        var changed = await PutAsync(Echo, "com.apple.configuration.management.test", """{"Echo": "second"}""");
        var change = watch.Elapsed;
        output.WriteLine($"    changed one declaration: {changed.Sync.Notified:N0} devices notified ({change.TotalSeconds:F2} s, {changed.Sync.Commands} commands)");
        var sync = await steps.RunAsync(fleet, "ddm change synced", device => device.IsEnrolled, ConnectAsync);

        var tokens = await steps.RunAsync(fleet, "tokens", device => device.IsEnrolled, (device, token) => RepeatAsync(device.FetchTokensAsync, token));
        var items = await steps.RunAsync(fleet, "declaration-items", device => device.IsEnrolled, (device, token) => RepeatAsync(device.FetchDeclarationItemsAsync, token));
        return new DeclarativeResult(assign, assigned.Sync.Notified, change, changed.Sync.Notified, changed.Sync.Commands, sync, tokens, items);
    }

    private static async Task<int> ConnectAsync(SimulatedDevice device, CancellationToken cancellationToken)
    {
        var loop = await device.RunCommandLoopAsync(cancellationToken);
        return loop.Exchanges.Count;
    }

    private async Task<int> RepeatAsync<T>(Func<CancellationToken, Task<T>> request, CancellationToken cancellationToken)
    {
        for (var i = 0; i < arguments.Connects; i++)
        {
            await request(cancellationToken);
        }

        return 0;
    }

    private async Task<PutDeclarationResponse> PutAsync(string identifier, string type, string payload) =>
        await Api.PutDeclarationAsync(new PutDeclarationRequest { TenantId = tenant.Id, Identifier = identifier, Type = type, PayloadJson = payload });
}
