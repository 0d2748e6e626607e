using System.ComponentModel.DataAnnotations;

namespace SaaSMdm.Core.Enrollments.LastSeen;

/// <summary>How device activity is written (section <c>Devices</c>).</summary>
public sealed class LastSeenOptions
{
    public const string Section = "Devices";

    /// <summary>Seconds between writes of the last-seen times collected in memory.</summary>
    [Range(1, 3600)]
    public int LastSeenFlushSeconds { get; set; } = 10;
}
