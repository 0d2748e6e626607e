using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SaaSMdm.Apple.Cms;

namespace SaaSMdm.Apple.Scep;

/// <summary>Turns an accepted CSR into a certificate signed by the CA, following <see cref="ScepIssuanceOptions"/>.</summary>
internal sealed class ScepCertificateIssuer(SigningIdentity ca, ScepIssuanceOptions options, TimeProvider timeProvider)
{
    public X509Certificate2 Issue(CertificateRequest signingRequest)
    {
        var request = new CertificateRequest(signingRequest.SubjectName, signingRequest.PublicKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(options.KeyUsage, critical: true));
        if (options.ExtendedKeyUsages.Count > 0)
        {
            var usages = new OidCollection();
            foreach (var usage in options.ExtendedKeyUsages)
            {
                usages.Add(new Oid(usage));
            }

            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(usages, critical: false));
        }

        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca.Certificate, true, false));

        var now = timeProvider.GetUtcNow();
        var caNotAfter = new DateTimeOffset(ca.Certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        var notAfter = now + options.Validity < caNotAfter ? now + options.Validity : caNotAfter;
        return request.Create(
            ca.Certificate.SubjectName,
            ca.CreateCertificateSignatureGenerator(),
            now - options.Backdate,
            notAfter,
            options.SerialNumberFactory());
    }
}
