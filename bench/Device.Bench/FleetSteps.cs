using SaaSMdm.DeviceSim;
using SaaSMdm.DeviceSim.Fleet;

namespace SaaSMdm.Device.Bench;

/// <summary>Runs one step on every selected device of a fleet, with progress, per-request-kind figures and processor time.</summary>
internal sealed class FleetSteps(BenchSystem system, TextWriter output)
{
    private const int ListedFailures = 5;

    public async Task<StepResult> RunAsync(
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
}
