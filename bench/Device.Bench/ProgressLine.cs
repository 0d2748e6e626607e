using System.Diagnostics;

namespace SaaSMdm.Device.Bench;

/// <summary>Prints how far a step is, at every tenth of the way, from whichever thread gets there.</summary>
internal sealed class ProgressLine(TextWriter output, string label, int total)
{
    private const int Reports = 10;

    private readonly Lock _gate = new();
    private readonly Stopwatch _stopwatch = Stopwatch.StartNew();
    private int _done;

    public void Advance()
    {
        var done = Interlocked.Increment(ref _done);
        if (done == total || done % Math.Max(1, total / Reports) == 0)
        {
            lock (_gate)
            {
                output.WriteLine($"    {label} {done:N0}/{total:N0} ({_stopwatch.Elapsed.TotalSeconds:F1} s)");
            }
        }
    }
}
