using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SaaSMdm.AppleFakes;

/// <summary>
/// A throwaway CA that issues TLS server certificates for the fakes and MDM push certificates shaped like
/// Apple's (the topic in the subject's UID attribute).
/// </summary>
public sealed class FakeCertificateAuthority : IDisposable
{
    private const string UserIdOid = "0.9.2342.19200300.100.1.1";

    private FakeCertificateAuthority(X509Certificate2 certificate) => Certificate = certificate;

    /// <summary>The CA certificate with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    public static FakeCertificateAuthority Create(string name = "SaaSMdm Fake Apple CA")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={name}"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        return new FakeCertificateAuthority(request.CreateSelfSigned(now.AddHours(-1), now.AddYears(5)));
    }

    /// <summary>The CA certificate without its key, for trust stores.</summary>
    public X509Certificate2 PublicCertificate() => X509CertificateLoader.LoadCertificate(Certificate.RawData);

    /// <summary>A TLS server certificate for localhost, 127.0.0.1 and ::1.</summary>
    public X509Certificate2 IssueServerCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName("CN=localhost"), key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        return Issue(request, key, TimeSpan.FromDays(1));
    }

    /// <summary>
    /// An MDM push certificate for <paramref name="topic"/>, RSA 2048 like Apple's, with its private key.
    /// </summary>
    public X509Certificate2 IssuePushCertificate(string topic)
    {
        var subject = new X500DistinguishedNameBuilder();
        subject.Add(UserIdOid, topic);
        subject.AddCommonName($"APSP:{topic}");
        subject.AddCountryOrRegion("US");
        return IssueClientCertificate(subject.Build());
    }

    /// <summary>A TLS client certificate with any subject, RSA 2048, with its private key.</summary>
    public X509Certificate2 IssueClientCertificate(X500DistinguishedName subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        return Issue(request, key, TimeSpan.FromDays(365));
    }

    public void Dispose() => Certificate.Dispose();

    private X509Certificate2 Issue(CertificateRequest request, AsymmetricAlgorithm key, TimeSpan lifetime)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        var now = DateTimeOffset.UtcNow;
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var caKey = Certificate.GetECDsaPrivateKey()!;
        // The generator signs with the CA's ECDSA key whatever the subject's key type.
        using var issued = request.Create(
            Certificate.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey), now.AddHours(-1), now.Add(lifetime), serial);
        return key switch
        {
            RSA rsa => issued.CopyWithPrivateKey(rsa),
            ECDsa ecdsa => issued.CopyWithPrivateKey(ecdsa),
            _ => throw new NotSupportedException($"Key type {key.GetType().Name} is not supported."),
        };
    }
}
