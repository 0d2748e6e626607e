namespace SaaSMdm.Core.Data.Entities;

/// <summary>
/// A key that signs access tokens (ECDSA P-256, ES256). Every Core replica reads the same keys, so a token signed by
/// one is accepted by all. A key signs from <see cref="ActivatesAt"/> to <see cref="RetiresAt"/> and is published in the
/// JWKS until <see cref="ExpiresAt"/>, when no token it signed can still be valid.
/// </summary>
public sealed class SigningKeyEntity
{
    /// <summary>The JWK <c>kid</c>.</summary>
    public required string Id { get; set; }

    /// <summary>The PKCS#8 private key, protected with <see cref="Security.SecretPurpose.TokenSigningKey"/>.</summary>
    public required string ProtectedPrivateKey { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ActivatesAt { get; set; }

    public DateTime RetiresAt { get; set; }

    public DateTime ExpiresAt { get; set; }
}
