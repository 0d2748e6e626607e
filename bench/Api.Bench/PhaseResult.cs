namespace SaaSMdm.Api.Bench;

/// <summary>What one phase measured; latencies are of successful calls only.</summary>
/// <param name="Calls">Successful calls.</param>
internal sealed record PhaseResult(
    Phase Phase, int Calls, int Errors, string? FirstError, TimeSpan Elapsed, double P50Ms, double P99Ms, ProcessorTimes Cpu)
{
    public double CallsPerSecond => Calls / Elapsed.TotalSeconds;

    /// <summary>Processor milliseconds per call (failed ones included: they cost too) of Core and of this process.</summary>
    public (double Core, double Bench) CpuMsPerCall =>
        Calls + Errors == 0 ? (0, 0) : (Cpu.Core.TotalMilliseconds / (Calls + Errors), Cpu.Bench.TotalMilliseconds / (Calls + Errors));
}
