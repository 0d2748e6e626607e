using System.ComponentModel.DataAnnotations;

namespace SaaSMdm.Core.Declarations.Status;

/// <summary>Limits on what devices report (section <c>DeclarativeStatus</c>).</summary>
public sealed class DeclarativeStatusOptions
{
    public const string Section = "DeclarativeStatus";

    /// <summary>The largest status report accepted; a larger one is refused and not stored.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxReportBytes { get; set; } = 1024 * 1024;
}
