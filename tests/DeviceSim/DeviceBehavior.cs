namespace SaaSMdm.DeviceSim;

/// <summary>How the device answers commands besides doing what they say.</summary>
public sealed record DeviceBehavior
{
    /// <summary>RequestTypes always answered NotNow, like a locked device deferring work it cannot do yet.</summary>
    public IReadOnlySet<string> NotNowRequestTypes { get; init; } = new HashSet<string>();

    /// <summary>Every command is answered NotNow this many times before the device runs it.</summary>
    public int NotNowFirstDeliveries { get; init; }

    /// <summary>RequestTypes answered Error with an ErrorChain, as if they failed on the device.</summary>
    public IReadOnlySet<string> ErrorRequestTypes { get; init; } = new HashSet<string>();

    /// <summary>RequestTypes whose report is sent malformed (see <see cref="MalformedReport"/>), to test the server's defences.</summary>
    public IReadOnlySet<string> MalformedRequestTypes { get; init; } = new HashSet<string>();

    public MalformedReport MalformedReport { get; init; } = MalformedReport.NotAPlist;

    /// <summary>Time spent on each command before reporting, like a device at work.</summary>
    public TimeSpan ResponseDelay { get; init; }

    /// <summary>A loop stops after this many commands, so a server that re-sends a NotNow'd command in the same connection cannot spin it forever.</summary>
    public int MaxCommandsPerConnection { get; init; } = 10_000;
}
