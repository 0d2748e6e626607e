using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using SaaSMdm.Apple.Cms;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Security;

namespace SaaSMdm.Core.Certificates;

/// <summary>
/// Each tenant's device CA: made with the tenant, its key encrypted at rest. It signs the identity
/// certificates devices get through SCEP, and a device certificate that does not chain to its own
/// tenant's CA is refused.
/// </summary>
public sealed class TenantCertificateAuthorities(CoreDbContext db, SecretProtector secrets, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(3650);

    /// <summary>Adds a new CA for the tenant to the context; the caller saves it with the tenant.</summary>
    public void AddFor(TenantEntity tenant)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(
            new X500DistinguishedName($"CN=SaaS MDM Device CA {tenant.Slug}, O=SaaS MDM"), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = clock.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.Add(Lifetime));
        db.CertificateAuthorities.Add(new CertificateAuthorityEntity
        {
            TenantId = tenant.Id,
            CertificateDer = certificate.RawData,
            ProtectedPrivateKey = secrets.Protect(SecretPurpose.CertificateAuthorityKey, key.ExportPkcs8PrivateKey()),
            CreatedAt = StoredTime.UtcNow(clock),
        });
    }

    /// <summary>The CA certificate of the current tenant, without its key.</summary>
    public async Task<X509Certificate2> GetCertificateAsync(CancellationToken cancellationToken)
    {
        var ca = await FindAsync(cancellationToken);
        return X509CertificateLoader.LoadCertificate(ca.CertificateDer);
    }

    /// <summary>The CA of the current tenant with its key, to issue certificates.</summary>
    public async Task<SigningIdentity> GetSigningIdentityAsync(CancellationToken cancellationToken)
    {
        var ca = await FindAsync(cancellationToken);
        var key = RSA.Create();
        key.ImportPkcs8PrivateKey(secrets.Unprotect(SecretPurpose.CertificateAuthorityKey, ca.ProtectedPrivateKey), out _);
        return new SigningIdentity(X509CertificateLoader.LoadCertificate(ca.CertificateDer), key);
    }

    private async Task<CertificateAuthorityEntity> FindAsync(CancellationToken cancellationToken) =>
        await db.CertificateAuthorities.AsNoTracking().SingleOrDefaultAsync(cancellationToken)
        ?? throw new InvalidOperationException("The tenant has no certificate authority.");
}
