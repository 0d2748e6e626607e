namespace SaaSMdm.Core.Security;

/// <summary>What a protected secret is; each has its own Data Protection purpose, so one cannot be decrypted as another.</summary>
public enum SecretPurpose
{
    CertificateAuthorityKey,
    PushCertificateKey,
    UnlockToken,
    BootstrapToken,
    TokenSigningKey,
    WebhookSecret,
}
