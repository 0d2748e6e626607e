using SaaSMdm.Core.Identity;

namespace SaaSMdm.Core.Data.Entities;

/// <summary>
/// One state-changing API call in a tenant's audit log: who made it, what it was about, how it ended and from where.
/// Texts are bounded and hold identifiers only, never request payloads or secrets.
/// </summary>
public sealed class AuditEntryEntity : ITenantOwned
{
    public const int MaxActorNameLength = 256;
    public const int MaxMethodLength = 200;
    public const int MaxTargetLength = 1000;
    public const int MaxOutcomeLength = 32;
    public const int MaxDetailLength = 500;
    public const int MaxPeerLength = 64;

    /// <summary>Breaks ties in the log's order (newest first) between entries of the same microsecond.</summary>
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>When the call arrived.</summary>
    public DateTime OccurredAt { get; set; }

    public CallerKind ActorKind { get; set; }

    /// <summary>The person's id, or the API client's internal id.</summary>
    public Guid ActorId { get; set; }

    /// <summary>The person's email, or the client's client_id.</summary>
    public required string ActorName { get; set; }

    /// <summary>The full RPC path, <c>/saasmdm.v1.Service/Method</c>.</summary>
    public required string Method { get; set; }

    /// <summary>The identifiers the call named or created, e.g. <c>device_ids=[…], command_uuid=…</c>.</summary>
    public required string Target { get; set; }

    /// <summary>The gRPC status code's name: <c>OK</c>, <c>PermissionDenied</c>, …</summary>
    public required string Outcome { get; set; }

    /// <summary>The status message when the call failed; empty on success.</summary>
    public required string Detail { get; set; }

    /// <summary>The caller's IP address as Core saw it.</summary>
    public required string Peer { get; set; }
}
