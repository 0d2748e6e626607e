using System.Diagnostics;

namespace SaaSMdm.Api.Bench;

/// <summary>How much one phase does: calls for a fixed time, or a fixed number of calls shared by its callers.</summary>
internal sealed class PhaseBudget
{
    private readonly TimeSpan? _duration;
    private readonly int _count;

    private PhaseBudget(TimeSpan? duration, int count)
    {
        _duration = duration;
        _count = count;
    }

    public static PhaseBudget For(TimeSpan duration) => new(duration, 0);

    public static PhaseBudget For(int calls) => new(null, calls);

    public override string ToString() => _duration is { } duration ? $"{duration.TotalSeconds:0} s" : $"{_count:N0} calls";

    /// <summary>A fresh allowance for one run of a phase; its callers take their turns from it.</summary>
    public Allowance Start() => new(_duration is { } duration ? Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency) : null, _count);

    internal sealed class Allowance(long? stopAt, int count)
    {
        private int _left = count;

        /// <summary>True while the phase may make one more call (thread-safe).</summary>
        public bool TakeTurn() => stopAt is { } end ? Stopwatch.GetTimestamp() < end : Interlocked.Decrement(ref _left) >= 0;
    }
}
