using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SaaSMdm.Apple.Cms;

namespace SaaSMdm.Edge.Tests.Devices;

/// <summary>Device identity certificates (P-256: quick to make) and the Mdm-Signature a device computes with one.</summary>
public static class DeviceCertificates
{
    /// <summary>The identity of the device the tests usually play.</summary>
    public static X509Certificate2 Device { get; } = Create("CN=device-one");

    /// <summary>Another device's identity.</summary>
    public static X509Certificate2 OtherDevice { get; } = Create("CN=device-two");

    public static X509Certificate2 Create(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        // TLS on Linux needs the key in a loadable form.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>The Mdm-Signature header value: base64 of a detached CMS signature over <paramref name="body"/>.</summary>
    public static string Sign(byte[] body, X509Certificate2 signer) =>
        new MdmSignatureSigner(SigningIdentity.FromCertificate(signer)).Sign(body);
}
