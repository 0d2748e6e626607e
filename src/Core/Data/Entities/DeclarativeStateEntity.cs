namespace SaaSMdm.Core.Data.Entities;

/// <summary>
/// Declarative management of one enrollment channel: the tokens it was last told about, and the latest status
/// tree merged from its reports.
/// </summary>
public sealed class DeclarativeStateEntity : ITenantOwned
{
    public Guid EnrollmentId { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>The DeclarationsToken last sent or served; a sync is needed when the effective token differs.</summary>
    public string? DeclarationsToken { get; set; }

    /// <summary>When <see cref="DeclarationsToken"/> last changed: the Timestamp of the SyncTokens.</summary>
    public DateTime? TokenChangedAt { get; set; }

    /// <summary>The merged status tree (the StatusItems object), as JSON.</summary>
    public string? StatusJson { get; set; }

    /// <summary>The Errors of the latest report that carried any, as JSON.</summary>
    public string? ErrorsJson { get; set; }

    /// <summary>The device's <c>management.client-capabilities</c> status item, kept apart to decide what it can take.</summary>
    public string? ClientCapabilitiesJson { get; set; }

    public DateTime? StatusUpdatedAt { get; set; }

    public DateTime? LastFullReportAt { get; set; }
}
