using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using SaaSMdm.AppleFakes;

namespace SaaSMdm.Core.Tests.Api;

/// <summary>
/// Push certificates issued by a fake APNs' CA, shaped like Apple's (topic in the UID). Two RSA keys serve every
/// certificate of a test class: generating RSA keys is the slow part.
/// </summary>
public sealed class TestPushCertificates(FakeCertificateAuthority authority) : IDisposable
{
    private const string UserIdOid = "0.9.2342.19200300.100.1.1";

    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _otherKey = RSA.Create(2048);

    public static string NewTopic() => $"com.apple.mgmt.External.{Guid.NewGuid()}";

    /// <summary>A certificate with its key; <paramref name="topic"/> null leaves the UID out.</summary>
    public X509Certificate2 Issue(string? topic, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var issued = IssueFor(new CertificateRequest(Subject(topic), _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), notBefore, notAfter);
        return issued.CopyWithPrivateKey(_key);
    }

    /// <summary>What Apple's portal hands back for a signing request: the certificate alone, for the request's key.</summary>
    public X509Certificate2 IssueForRequest(string csrPem, string topic)
    {
        var csr = CertificateRequest.LoadSigningRequestPem(csrPem, HashAlgorithmName.SHA256);
        return IssueFor(new CertificateRequest(Subject(topic), csr.PublicKey, HashAlgorithmName.SHA256), null, null);
    }

    private static X500DistinguishedName Subject(string? topic)
    {
        var subject = new X500DistinguishedNameBuilder();
        if (topic is not null)
        {
            subject.Add(UserIdOid, topic);
        }

        subject.AddCommonName($"APSP:{topic ?? "none"}");
        return subject.Build();
    }

    private X509Certificate2 IssueFor(CertificateRequest request, DateTimeOffset? notBefore, DateTimeOffset? notAfter)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        using var caKey = authority.Certificate.GetECDsaPrivateKey()!;
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        var now = DateTimeOffset.UtcNow;
        return request.Create(authority.Certificate.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey),
            notBefore ?? now.AddHours(-1), notAfter ?? now.AddDays(365), serial);
    }

    /// <summary>The certificate and its key as one PEM bundle; <paramref name="pkcs1"/> writes "RSA PRIVATE KEY" instead of PKCS#8.</summary>
    public static byte[] Pem(X509Certificate2 certificate, bool pkcs1 = false)
    {
        var key = certificate.GetRSAPrivateKey()!;
        return Encoding.UTF8.GetBytes(certificate.ExportCertificatePem() + "\n" + (pkcs1 ? key.ExportRSAPrivateKeyPem() : key.ExportPkcs8PrivateKeyPem()) + "\n");
    }

    /// <summary>The certificate with another key than its own.</summary>
    public byte[] PemWithForeignKey(X509Certificate2 certificate) =>
        Encoding.UTF8.GetBytes(certificate.ExportCertificatePem() + "\n" + _otherKey.ExportPkcs8PrivateKeyPem() + "\n");

    public static byte[] Pkcs12(X509Certificate2 certificate, string password) => certificate.Export(X509ContentType.Pkcs12, password);

    public void Dispose()
    {
        _key.Dispose();
        _otherKey.Dispose();
    }
}
