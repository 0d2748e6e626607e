using System.ComponentModel.DataAnnotations;

namespace SaaSMdm.Core.Maintenance;

/// <summary>How long finished work is kept (section <c>Retention</c>).</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Days a command result (a device's answer, or a cancellation) stays queryable.</summary>
    [Range(1, 3650)]
    public int CommandResultDays { get; set; } = 90;

    /// <summary>Days a device's raw DDM status report is kept; the merged status does not expire.</summary>
    [Range(1, 3650)]
    public int StatusReportDays { get; set; } = 30;

    /// <summary>Days an audit log entry is kept.</summary>
    [Range(1, 3650)]
    public int AuditDays { get; set; } = 365;

    /// <summary>Days events (and webhook deliveries with their attempts) are kept.</summary>
    [Range(1, 3650)]
    public int EventDays { get; set; } = 30;

    /// <summary>
    /// Seconds after start-up before the first sweep: a replica that starts serves first, and replicas restarted
    /// together do not all sweep at once.
    /// </summary>
    [Range(0, 86_400)]
    public int FirstSweepDelaySeconds { get; set; } = 60;

    /// <summary>Minutes between retention sweeps.</summary>
    [Range(1, 1440)]
    public int SweepIntervalMinutes { get; set; } = 60;

    /// <summary>Rows deleted per statement, so a sweep never holds long locks.</summary>
    [Range(100, 100_000)]
    public int BatchSize { get; set; } = 5000;
}
