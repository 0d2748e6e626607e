namespace SaaSMdm.Core.Webhooks;

/// <summary>
/// How long to wait before retrying a delivery: the base doubles with each failed attempt, up to an hour, and each
/// wait is varied by ±20 % so that the retries of many deliveries that failed together spread out.
/// </summary>
public static class RetryBackoff
{
    public static readonly TimeSpan Cap = TimeSpan.FromHours(1);

    /// <param name="failedAttempts">Attempts made so far, all failed (1 after the first).</param>
    /// <param name="jitter">A number in [0, 1).</param>
    public static TimeSpan After(int failedAttempts, double baseSeconds, double jitter)
    {
        var doubled = baseSeconds * Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 30));
        var seconds = Math.Min(doubled, Cap.TotalSeconds) * (0.8 + 0.4 * jitter);
        return TimeSpan.FromSeconds(Math.Min(seconds, Cap.TotalSeconds));
    }
}
