using System.Diagnostics;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Device.Bench;

/// <summary>
/// Processor time used by Core, by Edge and by this process (the simulated devices, the fake APNs). On a shared
/// machine wall times depend on what else runs; processor time per request does much less.
/// </summary>
internal sealed record CpuTimes(TimeSpan Core, TimeSpan Edge, TimeSpan Devices)
{
    public static CpuTimes Read(SystemUnderTest system)
    {
        using var core = Process.GetProcessById(system.Core.ProcessId);
        using var edge = Process.GetProcessById(system.Edge.ProcessId);
        using var devices = Process.GetCurrentProcess();
        return new CpuTimes(core.TotalProcessorTime, edge.TotalProcessorTime, devices.TotalProcessorTime);
    }

    public CpuTimes Since(CpuTimes earlier) => new(Core - earlier.Core, Edge - earlier.Edge, Devices - earlier.Devices);

    /// <summary>Milliseconds per request: Core / Edge / devices.</summary>
    public string PerRequest(int requests) => requests == 0
        ? "-"
        : $"{Core.TotalMilliseconds / requests:F2} / {Edge.TotalMilliseconds / requests:F2} / {Devices.TotalMilliseconds / requests:F2}";
}
