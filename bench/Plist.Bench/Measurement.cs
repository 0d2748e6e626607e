using System.Diagnostics;

namespace SaaSMdm.Plist.Bench;

/// <summary>Times one operation over repeated runs and measures what a single run allocates.</summary>
internal sealed record Measurement(string Name, int InputBytes, double NanosecondsPerOperation, long BytesAllocated)
{
    private static readonly TimeSpan MeasuringTime = TimeSpan.FromSeconds(2);

    public double MegabytesPerSecond => InputBytes / 1e6 / (NanosecondsPerOperation / 1e9);

    public double AllocationMultiple => (double)BytesAllocated / InputBytes;

    public static Measurement Of(string name, int inputBytes, Action operation)
    {
        for (var warmUp = 0; warmUp < 5; warmUp++)
        {
            operation();
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetAllocatedBytesForCurrentThread();
        operation();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var runs = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < MeasuringTime)
        {
            operation();
            runs++;
        }

        return new Measurement(name, inputBytes, clock.Elapsed.TotalNanoseconds / runs, allocated);
    }

    public override string ToString() =>
        $"{Name,-14} {InputBytes,10:N0} B {MegabytesPerSecond,9:F1} MB/s {NanosecondsPerOperation,14:N0} ns/op {BytesAllocated,12:N0} B alloc ({AllocationMultiple:F2}x input)";
}
