namespace SaaSMdm.Core.Data.Entities;

/// <summary>One POST of a delivery: the delivery log a tenant reads to see why its endpoint did not take an event.</summary>
public sealed class WebhookAttemptEntity : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid DeliveryId { get; set; }

    /// <summary>1 for the first attempt.</summary>
    public int Number { get; set; }

    public DateTime AttemptedAt { get; set; }

    /// <summary>The endpoint's HTTP status; null when no response came (timeout, refused connection, TLS error).</summary>
    public int? HttpStatus { get; set; }

    /// <summary>What went wrong when no 2xx came, in words.</summary>
    public string? Error { get; set; }

    public int DurationMilliseconds { get; set; }
}
