namespace SaaSMdm.DeviceSim.Fleet;

/// <summary>Requests made during one fleet run, per kind and in total, with the throughput over the run's wall time.</summary>
public sealed record FleetStatistics(IReadOnlyList<RequestSummary> ByKind, RequestSummary Total, TimeSpan Elapsed)
{
    public double RequestsPerSecond => Elapsed > TimeSpan.Zero ? Total.Count / Elapsed.TotalSeconds : 0;
}
