using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Security;

namespace SaaSMdm.Core.Push;

/// <summary>The key written for a new push certificate request, as stored.</summary>
public sealed record PendingPushKey(byte[] CsrDer, DateTime CreatedAt);

/// <summary>
/// The current tenant's pending push key: made for a certificate signing request, kept encrypted until Apple's
/// certificate for it is uploaded, which then carries the key. Apple's portal never sees the key, only the request.
/// </summary>
public sealed class PendingPushKeys(CoreDbContext db, TenantContext tenant, SecretProtector secrets, TimeProvider clock)
{
    private const int KeySize = 2048;

    /// <summary>Makes a new key and its PKCS#10 request, replacing any pending key, and saves.</summary>
    public async Task<PendingPushKey> CreateAsync(CancellationToken cancellationToken)
    {
        var slug = await db.Tenants.Where(t => t.Id == tenant.TenantId).Select(t => t.Slug).SingleAsync(cancellationToken);
        using var key = RSA.Create(KeySize);
        var csr = new CertificateRequest(new X500DistinguishedName($"CN={slug} MDM push, O=SaaS MDM"), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSigningRequest();
        var pending = new PushCertificateRequestEntity
        {
            TenantId = tenant.TenantId,
            ProtectedPrivateKey = secrets.Protect(SecretPurpose.PushCertificateKey, key.ExportPkcs8PrivateKey()),
            CreatedAt = StoredTime.UtcNow(clock),
        };

        var existing = await db.PushCertificateRequests.SingleOrDefaultAsync(cancellationToken);
        if (existing is null)
        {
            db.PushCertificateRequests.Add(pending);
        }
        else
        {
            db.Entry(existing).CurrentValues.SetValues(pending);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new PendingPushKey(csr, pending.CreatedAt);
    }

    /// <summary>When the pending request was made; null when none is pending.</summary>
    public Task<DateTime?> CreatedAtAsync(CancellationToken cancellationToken) =>
        db.PushCertificateRequests.AsNoTracking().Select(r => (DateTime?)r.CreatedAt).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The certificate with the pending key attached when the key is the one it certifies, and the pending request
    /// marked for removal (the caller saves it with the certificate); null when nothing pending matches.
    /// </summary>
    public async Task<X509Certificate2?> ClaimAsync(X509Certificate2 certificate, CancellationToken cancellationToken)
    {
        var pending = await db.PushCertificateRequests.SingleOrDefaultAsync(cancellationToken);
        if (pending is null)
        {
            return null;
        }

        using var key = RSA.Create();
        var pkcs8 = secrets.Unprotect(SecretPurpose.PushCertificateKey, pending.ProtectedPrivateKey);
        try
        {
            key.ImportPkcs8PrivateKey(pkcs8, out _);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }

        if (!key.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(certificate.PublicKey.ExportSubjectPublicKeyInfo()))
        {
            return null;
        }

        db.PushCertificateRequests.Remove(pending);
        return certificate.CopyWithPrivateKey(key);
    }
}
