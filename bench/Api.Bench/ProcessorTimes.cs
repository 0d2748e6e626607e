using System.Diagnostics;

namespace SaaSMdm.Api.Bench;

/// <summary>
/// Processor time used by Core and by this process (the callers). On two shared cores wall-clock rates depend on
/// what the callers cost too; Core's processor time per call much less.
/// </summary>
internal sealed record ProcessorTimes(TimeSpan Core, TimeSpan Bench)
{
    public static ProcessorTimes Read(int coreProcessId)
    {
        using var core = Process.GetProcessById(coreProcessId);
        using var bench = Process.GetCurrentProcess();
        return new ProcessorTimes(core.TotalProcessorTime, bench.TotalProcessorTime);
    }

    public ProcessorTimes Since(ProcessorTimes earlier) => new(Core - earlier.Core, Bench - earlier.Bench);
}
