namespace SaaSMdm.Core.Data.Entities;

/// <summary>
/// A command waiting for one enrollment's answer. Only pending work lives here: an answered command
/// leaves the queue for <see cref="CommandResultEntity"/>, so the queue stays small however long a
/// device has been managed.
/// </summary>
public sealed class QueuedCommandEntity : ITenantOwned
{
    public Guid EnrollmentId { get; set; }

    public required string CommandId { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>Delivery order within the enrollment: older first.</summary>
    public long Sequence { get; set; }

    public QueuedCommandStatus Status { get; set; }

    public DateTime QueuedAt { get; set; }

    public DateTime? NotNowAt { get; set; }

    public int NotNowCount { get; set; }
}

public enum QueuedCommandStatus
{
    Pending = 0,

    /// <summary>The device answered NotNow; skipped for the rest of that connection, asked again after its next Idle.</summary>
    NotNow = 1,
}
