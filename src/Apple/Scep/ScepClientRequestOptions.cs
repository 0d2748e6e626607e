using SaaSMdm.Apple.Cms;

namespace SaaSMdm.Apple.Scep;

/// <summary>Choices a SCEP client makes when building a request; the defaults match what <see cref="ScepServer"/> advertises.</summary>
public sealed class ScepClientRequestOptions
{
    /// <summary>OID of the cipher for the envelope; AES-256-CBC by default.</summary>
    public string ContentEncryptionAlgorithm { get; init; } = ScepOids.Aes256Cbc;

    /// <summary>OID of the signature digest; SHA-256 by default.</summary>
    public string DigestAlgorithm { get; init; } = CmsOids.Sha256;

    /// <summary>Adds a signingTime attribute when set.</summary>
    public DateTimeOffset? SigningTime { get; init; }

    /// <summary>The transactionID; by default the hex SHA-256 of the CSR's public key, as RFC 8894 suggests.</summary>
    public string? TransactionId { get; init; }
}
