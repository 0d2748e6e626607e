namespace SaaSMdm.Core.Data.Entities;

/// <summary>A status report exactly as the device sent it, kept for a retention period.</summary>
public sealed class StatusReportEntity : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid EnrollmentId { get; set; }

    public required byte[] ReportJson { get; set; }

    public bool FullReport { get; set; }

    public DateTime ReceivedAt { get; set; }
}
