using System.Collections.Concurrent;
using SaaSMdm.DeviceSim.Transport;

namespace SaaSMdm.DeviceSim.Fleet;

/// <summary>Collects the latency of every request the devices of a fleet make, safely from many threads.</summary>
public sealed class RequestStatistics : IDeviceRequestObserver
{
    private const string TotalKind = "all";

    private readonly ConcurrentDictionary<string, Recorder> _byKind = new(StringComparer.Ordinal);

    public void OnRequest(DeviceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        _byKind.GetOrAdd(request.Kind, _ => new Recorder()).Add(request.Elapsed.TotalMilliseconds, request.Succeeded);
    }

    public FleetStatistics Summarize(TimeSpan elapsed)
    {
        var recorders = _byKind.OrderBy(entry => entry.Key, StringComparer.Ordinal).ToArray();
        var byKind = recorders.Select(entry => entry.Value.Summarize(entry.Key)).ToArray();
        var total = Recorder.Combine(recorders.Select(entry => entry.Value)).Summarize(TotalKind);
        return new FleetStatistics(byKind, total, elapsed);
    }

    private sealed class Recorder
    {
        private readonly Lock _lock = new();
        private readonly List<double> _latencies = [];
        private int _errors;

        public static Recorder Combine(IEnumerable<Recorder> recorders)
        {
            var combined = new Recorder();
            foreach (var recorder in recorders)
            {
                lock (recorder._lock)
                {
                    combined._latencies.AddRange(recorder._latencies);
                    combined._errors += recorder._errors;
                }
            }

            return combined;
        }

        public void Add(double milliseconds, bool succeeded)
        {
            lock (_lock)
            {
                _latencies.Add(milliseconds);
                if (!succeeded)
                {
                    _errors++;
                }
            }
        }

        public RequestSummary Summarize(string kind)
        {
            double[] sorted;
            int errors;
            lock (_lock)
            {
                sorted = [.. _latencies];
                errors = _errors;
            }

            Array.Sort(sorted);
            return sorted.Length == 0
                ? new RequestSummary(kind, 0, errors, 0, 0, 0, 0)
                : new RequestSummary(kind, sorted.Length, errors, sorted.Average(), Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted[^1]);
        }

        /// <summary>Nearest rank: the smallest latency that at least this fraction of requests did not exceed.</summary>
        private static double Percentile(double[] sorted, double fraction) =>
            sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
