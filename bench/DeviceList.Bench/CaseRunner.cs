using System.Diagnostics;

namespace SaaSMdm.DeviceList.Bench;

/// <summary>Runs a case one call after another (a person paging a grid), a few unmeasured calls first so the JIT and caches settle.</summary>
internal static class CaseRunner
{
    private const int WarmupCalls = 3;

    public static async Task<CaseResult> RunAsync(BenchCase benchCase, int calls, CancellationToken cancellationToken)
    {
        for (var i = 0; i < WarmupCalls; i++)
        {
            await benchCase.Call(cancellationToken);
        }

        var ticks = new long[calls];
        var items = 0;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            items = await benchCase.Call(cancellationToken);
            ticks[i] = Stopwatch.GetTimestamp() - start;
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        Array.Sort(ticks);
        return new CaseResult(benchCase, calls, items, calls / elapsed.TotalSeconds, Percentile(ticks, 0.50), Percentile(ticks, 0.95), Percentile(ticks, 0.99));
    }

    private static double Percentile(long[] sortedTicks, double fraction) =>
        sortedTicks[(int)Math.Min(sortedTicks.Length - 1, fraction * sortedTicks.Length)] * 1000.0 / Stopwatch.Frequency;
}
