using System.Security.Cryptography.X509Certificates;

namespace SaaSMdm.DeviceSim.Enrollment;

/// <summary>The <c>com.apple.security.scep</c> payload of the enrollment profile, as the device uses it.</summary>
/// <param name="PayloadUuid">What the MDM payload's IdentityCertificateUUID names.</param>
/// <param name="Name">The CA identifier sent as <c>message</c> with GetCACaps and GetCACert.</param>
/// <param name="CAFingerprint">A SHA-256 (or older SHA-1) hash the CA certificate must match.</param>
public sealed record ScepPayloadSettings(
    string PayloadUuid,
    Uri Url,
    string? Challenge,
    X500DistinguishedName Subject,
    int KeySize,
    string KeyType,
    int KeyUsage,
    string? Name,
    byte[]? CAFingerprint);
