namespace SaaSMdm.Core.Data.Entities;

/// <summary>
/// One thing that happened in a tenant (the event log, also the webhooks' outbox). Appended in the transaction of
/// the change it reports, so a change and its event are stored together or not at all.
/// </summary>
public sealed class EventEntity : ITenantOwned
{
    /// <summary>
    /// Position in the log of all tenants, assigned by the database on insert. On PostgreSQL numbers can become visible
    /// out of order (see <see cref="Events.EventReader"/>), never twice.
    /// </summary>
    public long Sequence { get; set; }

    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>One of <see cref="Events.EventTypes.Logged"/>.</summary>
    public required string Type { get; set; }

    public DateTime OccurredAt { get; set; }

    /// <summary>The device channel's enrollment row (the Devices API's device id) the event is about.</summary>
    public Guid? DeviceId { get; set; }

    /// <summary>Apple's enrollment id of the channel the event is about.</summary>
    public string? EnrollmentId { get; set; }

    /// <summary>The event's details, a JSON object whose keys depend on <see cref="Type"/>.</summary>
    public required string DataJson { get; set; }
}
