namespace SaaSMdm.Apns.Bench;

/// <summary>Figures for one concurrency level.</summary>
internal sealed record LevelResult(int Concurrency, int Pushes, int Delivered, TimeSpan Elapsed, double P50Milliseconds, double P99Milliseconds, double BytesPerPush)
{
    public const string Header = "concurrency   pushes  delivered  seconds    pushes/s   p50 ms   p99 ms  client B/push";

    public double PushesPerSecond => Pushes / Elapsed.TotalSeconds;

    public override string ToString() =>
        $"{Concurrency,11}  {Pushes,7}  {Delivered,9}  {Elapsed.TotalSeconds,7:F2}  {PushesPerSecond,10:F0}  {P50Milliseconds,7:F2}  {P99Milliseconds,7:F2}  {BytesPerPush,13:F0}";
}
