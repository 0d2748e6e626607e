namespace SaaSMdm.Core.Data.Entities;

/// <summary>A tenant's APNs MDM push certificate and its key.</summary>
public sealed class PushCertificateEntity : ITenantOwned
{
    public Guid TenantId { get; set; }

    /// <summary>com.apple.mgmt.External.&lt;uuid&gt;, read from the certificate's UID.</summary>
    public required string Topic { get; set; }

    public required byte[] CertificateDer { get; set; }

    /// <summary>The PKCS#8 private key, encrypted with ASP.NET Core Data Protection.</summary>
    public required string ProtectedPrivateKey { get; set; }

    public DateTime NotBefore { get; set; }

    public DateTime NotAfter { get; set; }

    public DateTime UploadedAt { get; set; }

    /// <summary>Made by Core for the local fake APNs, not by Apple.</summary>
    public bool IsDevelopment { get; set; }
}
