namespace SaaSMdm.Core.Data.Entities;

/// <summary>A tenant's HTTPS endpoint that receives its events, signed with a secret only the tenant and Core know.</summary>
public sealed class WebhookEntity : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public required string Url { get; set; }

    /// <summary>Event types to deliver, space-separated; empty delivers every type.</summary>
    public required string EventTypes { get; set; }

    public required string Description { get; set; }

    public bool Enabled { get; set; }

    /// <summary>Why Core disabled the webhook; null when it is enabled or a caller disabled it.</summary>
    public string? DisabledReason { get; set; }

    /// <summary>The signing secret, protected with Data Protection: HMAC needs it in plain text, so it cannot be hashed.</summary>
    public required string ProtectedSecret { get; set; }

    /// <summary>The sequence of the last event turned into deliveries (or passed over as not matching).</summary>
    public long Cursor { get; set; }

    /// <summary>Deliveries in a row that failed every attempt; a delivered one resets it.</summary>
    public int ConsecutiveFailures { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
