namespace SaaSMdm.Portal.BrowserTests.Infrastructure;

public sealed record SimulatedFleetOptions
{
    /// <summary>How long a device waits between check-ins; a push is not needed, as the devices poll.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    public int MaxParallelism { get; init; } = 4;
}
