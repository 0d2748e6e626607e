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
/// A fleet of one tenant from start to end: enrollment, Idle reports with nothing queued, a command for every device
/// through the API and its round trips, then the memory of Core and Edge and a count of the stored answers.
/// </summary>
internal sealed class LifecycleRun(BenchSystem system, TestTenant tenant, SharedDeviceKeys keys, BenchArguments arguments, TextWriter output)
{
    private const int ListedFailures = 5;
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

        var core = ProcessMemory.Read(system.System.Core.ProcessId);
        var edge = ProcessMemory.Read(system.System.Edge.ProcessId);
        var results = await CountResultsAsync(deviceIds);
        return new SizeResult(size, enrollment, idle, enqueued, commands, core, edge, results);
    }

    /// <summary>One connection as after a push: Idle, then every queued command; returns the commands answered.</summary>
    private static async Task<int> ConnectAsync(SimulatedDevice device, CancellationToken cancellationToken)
    {
        var loop = await device.RunCommandLoopAsync(cancellationToken);
        return loop.End == CommandLoopEnd.ServerRefused ? throw new MdmServerException("connect", loop.FinalStatusCode, []) : loop.Exchanges.Count;
    }

    private async Task<StepResult> StepAsync(
        DeviceFleet fleet, string label, Func<SimulatedDevice, bool> selected, Func<SimulatedDevice, CancellationToken, Task<int>> work)
    {
        var progress = new ProgressLine(output, label, fleet.Devices.Count(selected));
        var cpuBefore = CpuTimes.Read(system.System);
        var report = await fleet.RunAsync(label, selected, async (device, token) =>
        {
            var answered = await work(device, token);
            progress.Advance();
            return answered;
        });
        var result = new StepResult(report, CpuTimes.Read(system.System).Since(cpuBefore));
        foreach (var kind in report.Requests.ByKind)
        {
            output.WriteLine($"      {kind.Kind,-24} {kind.Count,7:N0} requests, {kind.Errors:N0} errors, p50 {kind.P50Ms:F1} ms, p99 {kind.P99Ms:F1} ms, max {kind.MaxMs:F0} ms");
        }

        foreach (var failure in report.Failures.Take(ListedFailures))
        {
            output.WriteLine($"    FAILED device {failure.Index}: {failure.Error}");
        }

        if (report.Failures.Count > ListedFailures)
        {
            output.WriteLine($"    ... and {report.Failures.Count - ListedFailures:N0} more failures");
        }

        output.WriteLine($"      processor ms per request, Core / Edge / devices: {result.CpuPerRequest}");
        return result;
    }

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
