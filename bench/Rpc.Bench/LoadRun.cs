using System.Diagnostics;
using Google.Protobuf;
using SaaSMdm.Rpc.TestService;

namespace SaaSMdm.Rpc.Bench;

/// <summary>One measurement: N callers making unary calls back to back for a fixed time.</summary>
internal sealed class LoadRun(TestServiceDefinition.TestServiceClient client, int concurrency, int payloadBytes)
{
    private const int SamplesPerCaller = 1 << 18;

    public async Task<LoadResult> RunAsync(TimeSpan warmup, TimeSpan duration)
    {
        var request = new EchoRequest { Message = "bench", Payload = ByteString.CopyFrom(new byte[payloadBytes]) };
        await CallAsync(request, warmup, null);

        var samples = Enumerable.Range(0, concurrency).Select(_ => new long[SamplesPerCaller]).ToArray();
        var serverBefore = await client.StatsAsync(new StatsRequest());
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        var counts = await CallAsync(request, duration, samples);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var serverAfter = await client.StatsAsync(new StatsRequest());

        var calls = counts.Sum();
        var latencies = samples.SelectMany((s, i) => s.Take(Math.Min(counts[i], SamplesPerCaller))).Order().ToArray();
        // The two Stats calls themselves are counted by the server too; they are negligible next to the load.
        var serverCalls = serverAfter.Calls - serverBefore.Calls;
        return new LoadResult(
            concurrency,
            calls,
            calls / elapsed.TotalSeconds,
            Milliseconds(Percentile(latencies, 0.50)),
            Milliseconds(Percentile(latencies, 0.99)),
            allocated / (double)calls,
            (serverAfter.AllocatedBytes - serverBefore.AllocatedBytes) / (double)serverCalls);
    }

    private async Task<int[]> CallAsync(EchoRequest request, TimeSpan duration, long[][]? samples)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var counts = new int[concurrency];
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(caller => Task.Run(async () =>
        {
            var count = 0;
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var start = Stopwatch.GetTimestamp();
                await client.EchoAsync(request);
                if (samples is not null)
                {
                    samples[caller][count % SamplesPerCaller] = Stopwatch.GetTimestamp() - start;
                }

                count++;
            }

            counts[caller] = count;
        })));
        return counts;
    }

    private static long Percentile(long[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[(int)Math.Min(sorted.Length - 1, p * sorted.Length)];

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}

internal sealed record LoadResult(int Concurrency, long Calls, double CallsPerSecond, double P50Ms, double P99Ms, double ClientBytesPerCall, double ServerBytesPerCall);
