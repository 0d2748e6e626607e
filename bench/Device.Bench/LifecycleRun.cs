using System.Diagnostics;
using SaaSMdm.Contracts.V1;
using SaaSMdm.DeviceSim;
using SaaSMdm.DeviceSim.Commands;
using SaaSMdm.DeviceSim.Fleet;
using SaaSMdm.DeviceSim.Hardware;
using SaaSMdm.DeviceSim.Transport;
using SaaSMdm.Rpc.Client;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Device.Bench;

/// <summary>
/// A fleet of one tenant from start to end: enrollment, Idle reports (the first connection also takes the
/// DeclarativeManagement command that turns DDM on), a command for every device through the API and its round trips,
/// declarative management (<see cref="DeclarativeRun"/>), then the memory of Core and Edge and a count of the stored answers.
/// </summary>
internal sealed class LifecycleRun(BenchSystem system, TestTenant tenant, SharedDeviceKeys keys, BenchArguments arguments, TextWriter output)
{
    private const int ApiParallelism = 16;

    private Devices.DevicesClient DevicesApi => new(system.System.Channel.CreateCallInvoker());

    private Commands.CommandsClient CommandsApi => new(system.System.Channel.CreateCallInvoker());

    public async Task<SizeResult> RunAsync(int size)
    {
        var trust = new ServerTrust { TrustedRoots = [system.System.EdgeCertificateAuthority] };
        using var fleet = new DeviceFleet(new DeviceFleetOptions
        {
            Count = size,
            MaxParallelism = arguments.Parallel,
            ShareConnections = true,
            DeviceOptions = index => new SimulatedDeviceOptions
            {
                TenantUrl = new Uri(system.System.EdgeAddress, $"/t/{tenant.Slug}"),
                EnrollmentToken = tenant.EnrollmentSecret,
                Platform = (index % 3) switch { 0 => DevicePlatform.IPhone, 1 => DevicePlatform.IPad, _ => DevicePlatform.Mac },
                ServerTrust = trust,
                KeyFactory = keys.FactoryFor(index),
            },
        });

        var enrollment = await StepAsync(fleet, "enrolled", device => !device.IsEnrolled, async (device, token) =>
        {
            await device.FullEnrollmentAsync(token);
            return 0;
        });
        var idle = await StepAsync(fleet, "idle", device => device.IsEnrolled, async (device, token) =>
        {
            var answered = 0;
            for (var i = 0; i < arguments.Connects; i++)
            {
                answered += await ConnectAsync(device, token);
            }

            return answered;
        });

        var deviceIds = await DeviceIdsAsync();
        var enqueue = Stopwatch.StartNew();
        await CommandsApi.EnqueueCommandAsync(new EnqueueCommandRequest
        {
            TenantId = tenant.Id,
            DeviceIds = { deviceIds },
            DeviceInformation = new DeviceInformationCommand { Queries = { "DeviceName", "OSVersion", "SerialNumber", "Model" } },
            NoPush = true,
        });
        var enqueued = enqueue.Elapsed;
        output.WriteLine($"    enqueued DeviceInformation for {deviceIds.Count:N0} devices ({enqueued.TotalSeconds:F2} s)");
        var commands = await StepAsync(fleet, "answered", device => device.IsEnrolled, ConnectAsync);

        var results = await CountResultsAsync(deviceIds);
        var declarative = await new DeclarativeRun(system, tenant, new FleetSteps(system, output), arguments, output).RunAsync(fleet, deviceIds);
        var core = ProcessMemory.Read(system.System.Core.ProcessId);
        var edge = ProcessMemory.Read(system.System.Edge.ProcessId);
        return new SizeResult(size, enrollment, idle, enqueued, commands, core, edge, results, declarative);
    }

    /// <summary>One connection as after a push: Idle, then every queued command; returns the commands answered.</summary>
    private static async Task<int> ConnectAsync(SimulatedDevice device, CancellationToken cancellationToken)
    {
        var loop = await device.RunCommandLoopAsync(cancellationToken);
        return loop.End == CommandLoopEnd.ServerRefused ? throw new MdmServerException("connect", loop.FinalStatusCode, []) : loop.Exchanges.Count;
    }

    private Task<StepResult> StepAsync(
        DeviceFleet fleet, string label, Func<SimulatedDevice, bool> selected, Func<SimulatedDevice, CancellationToken, Task<int>> work) =>
        new FleetSteps(system, output).RunAsync(fleet, label, selected, work);

    private async Task<List<string>> DeviceIdsAsync()
    {
        var ids = new List<string>();
        var page = "";
        do
        {
            var listed = await DevicesApi.ListDevicesAsync(new ListDevicesRequest { TenantId = tenant.Id, PageSize = 1000, PageToken = page });
            ids.AddRange(listed.Devices.Select(device => device.Id));
            page = listed.NextPageToken;
        }
        while (page.Length > 0);

        return ids;
    }

    /// <summary>Every device's answered commands (those with a result time), which the API reads from command_results.</summary>
    private async Task<int> CountResultsAsync(IReadOnlyList<string> deviceIds)
    {
        var answered = 0;
        await Parallel.ForEachAsync(deviceIds, new ParallelOptions { MaxDegreeOfParallelism = ApiParallelism }, async (deviceId, token) =>
        {
            var page = "";
            do
            {
                var listed = await CommandsApi.ListDeviceCommandsAsync(
                    new ListDeviceCommandsRequest { TenantId = tenant.Id, DeviceId = deviceId, PageSize = 500, PageToken = page },
                    new CallOptions(CancellationToken: token));
                Interlocked.Add(ref answered, listed.Commands.Count(command => command.ResultTime is not null));
                page = listed.NextPageToken;
            }
            while (page.Length > 0);
        });
        return answered;
    }
}
