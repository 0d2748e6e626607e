namespace SaaSMdm.Core.Data.Entities;

/// <summary>
/// The key a tenant asked Apple to certify (CreatePushCertificateSigningRequest), waiting for Apple's certificate.
/// At most one per tenant: a new request replaces it, and the upload of its certificate consumes it.
/// </summary>
public sealed class PushCertificateRequestEntity : ITenantOwned
{
    public Guid TenantId { get; set; }

    /// <summary>The PKCS#8 RSA key, encrypted with ASP.NET Core Data Protection.</summary>
    public required string ProtectedPrivateKey { get; set; }

    public DateTime CreatedAt { get; set; }
}
