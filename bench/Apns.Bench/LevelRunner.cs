using System.Diagnostics;
using System.Security.Cryptography;
using SaaSMdm.Apple.Push;

namespace SaaSMdm.Apns.Bench;

/// <summary>
/// Sends a batch with a fixed number of workers, the same shape as <see cref="ApnsClient.SendManyAsync"/>, timing
/// each push. Pushes and the latency array exist before the clock starts, so allocations are the client's.
/// </summary>
internal static class LevelRunner
{
    public static async Task<LevelResult> RunAsync(ApnsClient client, int concurrency, int pushCount)
    {
        var pushes = NewPushes(pushCount);
        var latencies = new long[pushCount];
        var delivered = 0;
        var next = -1;

        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        var workers = new Task[Math.Min(concurrency, pushCount)];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = Work();
        }

        await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        Array.Sort(latencies);
        return new LevelResult(
            concurrency, pushCount, delivered, elapsed,
            Milliseconds(latencies[(int)(pushCount * 0.50)]),
            Milliseconds(latencies[Math.Min(pushCount - 1, (int)(pushCount * 0.99))]),
            (double)allocated / pushCount);

        async Task Work()
        {
            for (var i = Interlocked.Increment(ref next); i < pushCount; i = Interlocked.Increment(ref next))
            {
                var sent = Stopwatch.GetTimestamp();
                var outcome = await client.SendAsync(pushes[i]);
                latencies[i] = Stopwatch.GetTimestamp() - sent;
                if (outcome is Delivered)
                {
                    Interlocked.Increment(ref delivered);
                }
            }
        }
    }

    private static MdmPush[] NewPushes(int count) =>
        Enumerable.Range(0, count)
            .Select(_ => new MdmPush(DeviceToken.FromBytes(RandomNumberGenerator.GetBytes(32)), Guid.NewGuid().ToString("D").ToUpperInvariant()))
            .ToArray();

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
