namespace SaaSMdm.AppleFakes.Apns;

/// <summary>Counts work in progress and remembers the peak.</summary>
internal sealed class ConcurrencyGauge
{
    private int _current;
    private int _peak;

    public int Peak => Volatile.Read(ref _peak);

    public void Enter()
    {
        var current = Interlocked.Increment(ref _current);
        var peak = Volatile.Read(ref _peak);
        while (current > peak)
        {
            var seen = Interlocked.CompareExchange(ref _peak, current, peak);
            if (seen == peak)
            {
                return;
            }

            peak = seen;
        }
    }

    public void Exit() => Interlocked.Decrement(ref _current);
}
