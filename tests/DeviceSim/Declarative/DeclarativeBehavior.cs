namespace SaaSMdm.DeviceSim.Declarative;

/// <summary>How a simulated device takes part in Declarative Device Management.</summary>
public sealed record DeclarativeBehavior
{
    /// <summary>Declaration types the device refuses as if its OS did not know them, beyond what Apple's schema rules out for its OS.</summary>
    public IReadOnlySet<string> UnsupportedTypes { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Every this many syncs the device sends a full report instead of only the changes, as devices do roughly
    /// daily so a server that lost a report catches up. The first report is always full.
    /// </summary>
    public int FullReportEverySyncs { get; init; } = 10;

    /// <summary>Whether a DeclarativeManagement command makes the device sync right after its command loop.</summary>
    public bool SyncOnCommand { get; init; } = true;
}
