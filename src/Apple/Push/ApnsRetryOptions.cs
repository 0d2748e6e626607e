namespace SaaSMdm.Apple.Push;

/// <summary>How pushes that may pass later (429, 5xx, transport errors) are tried again.</summary>
public sealed record ApnsRetryOptions
{
    /// <summary>Requests per push, the first included; 1 turns retries off.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>Backoff before the second attempt; it doubles per attempt up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1, nameof(MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(InitialBackoff, TimeSpan.Zero, nameof(InitialBackoff));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBackoff, InitialBackoff, nameof(MaxBackoff));
    }
}
