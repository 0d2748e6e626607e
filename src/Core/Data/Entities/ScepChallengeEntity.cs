namespace SaaSMdm.Core.Data.Entities;

/// <summary>A one-time SCEP challenge, made for one enrollment profile download.</summary>
public sealed class ScepChallengeEntity : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>SHA-256 of the challenge (hex).</summary>
    public required string ChallengeHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? UsedAt { get; set; }
}
