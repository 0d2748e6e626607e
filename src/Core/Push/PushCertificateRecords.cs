using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Security;

namespace SaaSMdm.Core.Push;

/// <summary>Turns a push certificate with its key into a stored row (key encrypted) and back.</summary>
public sealed class PushCertificateRecords(SecretProtector secrets, TimeProvider clock)
{
    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string EcOid = "1.2.840.10045.2.1";

    /// <param name="certificate">The certificate with its private key.</param>
    public PushCertificateEntity Create(Guid tenantId, X509Certificate2 certificate, string topic, bool isDevelopment)
    {
        using var key = PrivateKeyOf(certificate);
        return new PushCertificateEntity
        {
            TenantId = tenantId,
            Topic = topic,
            CertificateDer = certificate.RawData,
            ProtectedPrivateKey = secrets.Protect(SecretPurpose.PushCertificateKey, key.ExportPkcs8PrivateKey()),
            NotBefore = certificate.NotBefore.ToUniversalTime(),
            NotAfter = certificate.NotAfter.ToUniversalTime(),
            UploadedAt = StoredTime.UtcNow(clock),
            IsDevelopment = isDevelopment,
        };
    }

    /// <summary>The stored certificate with its decrypted key, for TLS client authentication.</summary>
    public X509Certificate2 Load(PushCertificateEntity stored)
    {
        using var certificate = X509CertificateLoader.LoadCertificate(stored.CertificateDer);
        var pkcs8 = secrets.Unprotect(SecretPurpose.PushCertificateKey, stored.ProtectedPrivateKey);
        try
        {
            switch (certificate.GetKeyAlgorithm())
            {
                case RsaOid:
                {
                    using var rsa = RSA.Create();
                    rsa.ImportPkcs8PrivateKey(pkcs8, out _);
                    return certificate.CopyWithPrivateKey(rsa);
                }
                case EcOid:
                {
                    using var ecdsa = ECDsa.Create();
                    ecdsa.ImportPkcs8PrivateKey(pkcs8, out _);
                    return certificate.CopyWithPrivateKey(ecdsa);
                }
                default:
                    throw new CryptographicException($"Push certificates with key algorithm {certificate.GetKeyAlgorithm()} are not supported.");
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }

    private static AsymmetricAlgorithm PrivateKeyOf(X509Certificate2 certificate) =>
        (AsymmetricAlgorithm?)certificate.GetRSAPrivateKey() ?? certificate.GetECDsaPrivateKey()
        ?? throw new CryptographicException("The push certificate has no RSA or ECDSA private key.");
}
