using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SaaSMdm.Edge.Tls;

/// <summary>
/// A development CA and an Edge server certificate it signed, kept in the data directory: made on
/// first run, loaded afterwards, so a device or simulator that trusts the CA keeps trusting Edge.
/// </summary>
public sealed partial class DevelopmentCertificates(string directory, ILogger logger)
{
    public const string CaCertificateFile = "dev-ca.crt";
    private const string CaKeyFile = "dev-ca.key";
    private const string ServerFile = "edge-tls.pfx";

    public string CaCertificatePath => Path.Combine(directory, CaCertificateFile);

    /// <summary>The server certificate for <paramref name="hostNames"/>, issuing a new one when the stored one lacks a name or nears expiry.</summary>
    public X509Certificate2 GetOrCreateServerCertificate(IReadOnlyCollection<string> hostNames)
    {
        Directory.CreateDirectory(directory);
        using var ca = GetOrCreateCa();
        var serverPath = Path.Combine(directory, ServerFile);
        if (File.Exists(serverPath))
        {
            var existing = X509CertificateLoader.LoadPkcs12FromFile(serverPath, null);
            if (Covers(existing, hostNames) && existing.NotAfter > DateTime.UtcNow.AddDays(30) && IssuedBy(existing, ca))
            {
                return existing;
            }

            existing.Dispose();
        }

        var server = IssueServerCertificate(ca, hostNames);
        WritePrivate(serverPath, server.Export(X509ContentType.Pkcs12));
        LogIssued(logger, string.Join(", ", hostNames), CaCertificatePath);
        return server;
    }

    /// <summary>DER of the development CA; call after <see cref="GetOrCreateServerCertificate"/> has made it.</summary>
    public byte[] ReadCaCertificateDer()
    {
        using var ca = X509CertificateLoader.LoadCertificateFromFile(CaCertificatePath);
        return ca.RawData;
    }

    private X509Certificate2 GetOrCreateCa()
    {
        var certificatePath = CaCertificatePath;
        var keyPath = Path.Combine(directory, CaKeyFile);
        if (File.Exists(certificatePath) && File.Exists(keyPath))
        {
            return X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=SaaS MDM Development CA, O=SaaS MDM", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
        File.WriteAllText(certificatePath, ca.ExportCertificatePem());
        WritePrivate(keyPath, System.Text.Encoding.ASCII.GetBytes(key.ExportPkcs8PrivateKeyPem()));
        return ca;
    }

    private static X509Certificate2 IssueServerCertificate(X509Certificate2 ca, IReadOnlyCollection<string> hostNames)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + hostNames.First(), key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var host in hostNames)
        {
            if (IPAddress.TryParse(host, out var address))
            {
                names.AddIpAddress(address);
            }
            else
            {
                names.AddDnsName(host);
            }
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        // Apple platforms refuse TLS server certificates valid for longer than 825 days.
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(397), serial);
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    private static bool Covers(X509Certificate2 certificate, IReadOnlyCollection<string> hostNames)
    {
        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>()
            .SelectMany(e => e.EnumerateDnsNames().Concat(e.EnumerateIPAddresses().Select(a => a.ToString())))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return hostNames.All(names.Contains);
    }

    private static bool IssuedBy(X509Certificate2 certificate, X509Certificate2 ca)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    private static void WritePrivate(string path, byte[] contents)
    {
        File.WriteAllBytes(path, contents);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued a development TLS certificate for {HostNames}; devices must trust {CaCertificate}")]
    private static partial void LogIssued(ILogger logger, string hostNames, string caCertificate);
}
