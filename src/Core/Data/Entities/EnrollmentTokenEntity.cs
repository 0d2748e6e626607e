namespace SaaSMdm.Core.Data.Entities;

/// <summary>A secret in an enrollment URL that lets devices download the enrollment profile.</summary>
public sealed class EnrollmentTokenEntity : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>SHA-256 of the secret (hex); the secret itself is shown once and never stored.</summary>
    public required string SecretHash { get; set; }

    public required string Label { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ExpiresAt { get; set; }

    /// <summary>0: unlimited.</summary>
    public int MaxUses { get; set; }

    public int Uses { get; set; }

    public DateTime? RevokedAt { get; set; }
}
