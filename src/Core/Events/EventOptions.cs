using System.ComponentModel.DataAnnotations;

namespace SaaSMdm.Core.Events;

/// <summary>How the event log is read (section <c>Events</c>).</summary>
public sealed class EventOptions
{
    public const string Section = "Events";

    /// <summary>
    /// Seconds a gap in the event numbers may still be a transaction that has not committed yet; readers wait at a
    /// younger gap and pass an older one (a rolled-back insert). Longer than any transaction that appends events
    /// takes to commit, and than the clock difference between replicas.
    /// </summary>
    [Range(1, 300)]
    public int GapSettleSeconds { get; set; } = 5;

    /// <summary>How often WatchEvents looks for new events when this replica has not signalled any.</summary>
    [Range(50, 60_000)]
    public int PollMilliseconds { get; set; } = 500;

    /// <summary>Events WatchEvents reads per query.</summary>
    [Range(1, 1000)]
    public int WatchBatchSize { get; set; } = 100;

    /// <summary>How often a WatchEvents stream checks that its caller may still read the tenant's events; a revoked one's stream ends.</summary>
    [Range(1, 3600)]
    public int WatchRecheckSeconds { get; set; } = 60;

    /// <summary>WatchEvents streams one caller may have open on one replica; one more is RESOURCE_EXHAUSTED.</summary>
    [Range(1, 1000)]
    public int MaxStreamsPerCaller { get; set; } = 10;
}
