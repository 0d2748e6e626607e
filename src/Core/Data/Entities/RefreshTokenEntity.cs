namespace SaaSMdm.Core.Data.Entities;

/// <summary>
/// A person's refresh token (stored hashed). Each use replaces it with a new one of the same family; a used
/// token presented again means it was stolen, and the whole family is revoked.
/// </summary>
public sealed class RefreshTokenEntity
{
    public Guid Id { get; set; }

    public required string TokenHash { get; set; }

    public Guid FamilyId { get; set; }

    public Guid PersonId { get; set; }

    /// <summary>The client (the portal) the token was issued to; only it may redeem it.</summary>
    public Guid ApiClientId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? UsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
