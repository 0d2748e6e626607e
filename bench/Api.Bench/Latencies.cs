using System.Diagnostics;

namespace SaaSMdm.Api.Bench;

internal static class Latencies
{
    /// <summary>The <paramref name="fraction"/> percentile of sorted Stopwatch tick counts, in milliseconds.</summary>
    public static double PercentileMs(long[] sortedTicks, double fraction) => sortedTicks.Length == 0
        ? 0
        : sortedTicks[(int)Math.Min(sortedTicks.Length - 1, fraction * sortedTicks.Length)] * 1000.0 / Stopwatch.Frequency;
}
