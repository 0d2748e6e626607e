using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SaaSMdm.Apple.Cms;

namespace SaaSMdm.DeviceSim.Tests.Support;

/// <summary>
/// The certificates of the test MDM server, made once per test run: RSA generation takes about half a second here,
/// so the SCEP CA and a small pool of device keys are shared by every test.
/// </summary>
internal sealed class TestPki
{
    private const int DeviceKeyCount = 4;

    private static readonly Lazy<TestPki> LazyShared = new(() => new TestPki(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly RSA[] _deviceKeys;
    private int _nextKey;

    private TestPki()
    {
        TlsCa = CreateCa("SaaSMdm DeviceSim Test TLS CA", ECDsa.Create(ECCurve.NamedCurves.nistP256));
        ServerCertificate = IssueServerCertificate(TlsCa);
        ProfileSigner = Issue(TlsCa, new X500DistinguishedName("CN=SaaSMdm DeviceSim Test Profile Signing"), ECDsa.Create(ECCurve.NamedCurves.nistP256));
        ScepCa = CreateCa("SaaSMdm DeviceSim Test SCEP CA", RSA.Create(2048));
        _deviceKeys = Enumerable.Range(0, DeviceKeyCount).AsParallel().Select(_ => RSA.Create(2048)).ToArray();
    }

    public static TestPki Shared => LazyShared.Value;

    /// <summary>The root of the server's TLS certificate; the enrollment profile carries it as a root payload.</summary>
    public X509Certificate2 TlsCa { get; }

    public X509Certificate2 ServerCertificate { get; }

    public X509Certificate2 ProfileSigner { get; }

    /// <summary>The RSA CA that issues device identities through SCEP.</summary>
    public X509Certificate2 ScepCa { get; }

    public SigningIdentity ScepCaIdentity => SigningIdentity.FromCertificate(ScepCa);

    /// <summary>Hands out the pooled 2048-bit device keys in turn.</summary>
    public RSA NextDeviceKey(int keySize)
    {
        Assert.Equal(2048, keySize);
        return _deviceKeys[(int)((uint)Interlocked.Increment(ref _nextKey) % DeviceKeyCount)];
    }

    public X509Certificate2 PublicCopy(X509Certificate2 certificate) => X509CertificateLoader.LoadCertificate(certificate.RawData);

    private static X509Certificate2 CreateCa(string name, AsymmetricAlgorithm key)
    {
        var request = Request(new X500DistinguishedName($"CN={name}"), key);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(2));
    }

    private static X509Certificate2 IssueServerCertificate(X509Certificate2 ca)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        var extensions = new X509Extension[]
        {
            names.Build(),
            new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false),
        };
        using var issued = Issue(ca, new X500DistinguishedName("CN=localhost"), key, extensions);
        // Kestrel on Linux wants the key in a loadable PKCS#12 form rather than an ephemeral handle.
        return X509CertificateLoader.LoadPkcs12(issued.Export(X509ContentType.Pkcs12), null);
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, X500DistinguishedName subject, ECDsa key, params X509Extension[] extensions)
    {
        var request = Request(subject, key);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        foreach (var extension in extensions)
        {
            request.CertificateExtensions.Add(extension);
        }

        var now = DateTimeOffset.UtcNow;
        using var caKey = ca.GetECDsaPrivateKey()!;
        using var issued = request.Create(ca.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey), now.AddHours(-1), now.AddDays(30), RandomNumberGenerator.GetBytes(12));
        return issued.CopyWithPrivateKey(key);
    }

    private static CertificateRequest Request(X500DistinguishedName subject, AsymmetricAlgorithm key) => key switch
    {
        RSA rsa => new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        ECDsa ecdsa => new CertificateRequest(subject, ecdsa, HashAlgorithmName.SHA256),
        _ => throw new ArgumentException("RSA or ECDSA only.", nameof(key)),
    };
}
