namespace SaaSMdm.Apple.Push;

/// <summary>
/// Exponential backoff with "equal jitter": half the step is fixed, half random, so retries of a burst
/// spread out instead of hitting APNs together again.
/// </summary>
internal static class RetryBackoff
{
    /// <param name="failedAttempts">Attempts made so far, at least 1.</param>
    public static TimeSpan Before(int failedAttempts, ApnsRetryOptions options, Random random)
    {
        var step = options.InitialBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(failedAttempts - 1, 62));
        var capped = Math.Min(step, options.MaxBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped / 2 + random.NextDouble() * capped / 2);
    }
}
