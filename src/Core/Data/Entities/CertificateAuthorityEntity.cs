namespace SaaSMdm.Core.Data.Entities;

/// <summary>A tenant's device CA: it issues the identity certificates its devices get through SCEP.</summary>
public sealed class CertificateAuthorityEntity : ITenantOwned
{
    public Guid TenantId { get; set; }

    public required byte[] CertificateDer { get; set; }

    /// <summary>The PKCS#8 private key, encrypted with ASP.NET Core Data Protection.</summary>
    public required string ProtectedPrivateKey { get; set; }

    public DateTime CreatedAt { get; set; }
}
