namespace SaaSMdm.Core.Data.Entities;

/// <summary>
/// One event on its way to one webhook, with the exact body that is signed and sent on every attempt. A replica
/// claims a due delivery by setting its lease, so two replicas never send the same attempt.
/// </summary>
public sealed class WebhookDeliveryEntity : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid WebhookId { get; set; }

    public Guid EventId { get; set; }

    public required string EventType { get; set; }

    /// <summary>The JSON body POSTed to the webhook.</summary>
    public required string Payload { get; set; }

    public WebhookDeliveryState State { get; set; }

    public int Attempts { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the next attempt is due, while <see cref="State"/> is pending.</summary>
    public DateTime NextAttemptAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    /// <summary>Set by the replica that claimed the delivery for an attempt; null when nobody holds it.</summary>
    public Guid? LeaseToken { get; set; }

    /// <summary>Until when the claim holds; after that another replica may claim the delivery again.</summary>
    public DateTime? LeaseUntil { get; set; }
}

public enum WebhookDeliveryState
{
    Pending = 0,
    Delivered = 1,

    /// <summary>Every attempt failed, or the webhook was disabled while the delivery waited; no more attempts are made.</summary>
    Failed = 2,
}
