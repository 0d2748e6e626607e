using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using SaaSMdm.Apple.Push;
using SaaSMdm.Contracts;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Api.Enrollment;

/// <summary>
/// Reads an uploaded push certificate: with its key, as a PEM bundle (certificates and one unencrypted key) or a
/// PKCS#12 file; or Apple's certificate alone (PEM or DER) for a key Core keeps. Everything about it is checked before
/// anything is stored: that the key belongs to the certificate, that it names an MDM topic, and that it is valid now.
/// </summary>
public static class PushCertificateReader
{
    /// <summary>Apple's certificate with its chain and key is a few kilobytes.</summary>
    public const int MaxUploadBytes = 64 * 1024;

    private const string MdmTopicPrefix = "com.apple.mgmt.";

    /// <returns>The certificate with its private key (none when it came alone), and its topic.</returns>
    /// <exception cref="InvalidArgumentException">anything is wrong with the upload.</exception>
    public static (X509Certificate2 Certificate, string Topic) Read(ReadOnlySpan<byte> upload, string password, DateTime now)
    {
        if (upload.IsEmpty)
        {
            throw new InvalidArgumentException("certificate is required: a PEM bundle or a PKCS#12 file.");
        }

        if (upload.Length > MaxUploadBytes)
        {
            throw new InvalidArgumentException($"certificate is larger than {MaxUploadBytes / 1024} KiB; a push certificate with its key is a few KiB.");
        }

        var certificate = LooksLikePem(upload) ? ReadPem(Encoding.UTF8.GetString(upload)) : ReadDer(upload) ?? ReadPkcs12(upload, password);
        try
        {
            return (certificate, Check(certificate, now));
        }
        catch
        {
            certificate.Dispose();
            throw;
        }
    }

    private static string Check(X509Certificate2 certificate, DateTime now)
    {
        string topic;
        try
        {
            topic = PushCertificateTopic.Read(certificate);
        }
        catch (PushCertificateException e)
        {
            throw new InvalidArgumentException($"Not an MDM push certificate: {e.Message}");
        }

        if (!topic.StartsWith(MdmTopicPrefix, StringComparison.Ordinal))
        {
            throw new InvalidArgumentException($"Not an MDM push certificate: its topic '{CallerText.Shorten(topic)}' does not start with {MdmTopicPrefix}.");
        }

        if (certificate.NotAfter.ToUniversalTime() <= now)
        {
            throw new InvalidArgumentException($"The push certificate expired on {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd}; renew it at Apple's Push Certificates Portal.");
        }

        if (certificate.NotBefore.ToUniversalTime() > now)
        {
            throw new InvalidArgumentException($"The push certificate is not valid before {certificate.NotBefore.ToUniversalTime():O}.");
        }

        return topic;
    }

    private static bool LooksLikePem(ReadOnlySpan<byte> upload) => upload.TrimStart(" \t\r\n"u8).StartsWith("-----BEGIN "u8);

    private static X509Certificate2 ReadPem(string pem)
    {
        var certificates = new List<X509Certificate2>();
        string? keyPem = null;
        try
        {
            foreach (var (label, block) in PemBlocks(pem))
            {
                switch (label)
                {
                    case "CERTIFICATE":
                        certificates.Add(LoadCertificate(block));
                        break;
                    case "PRIVATE KEY" or "RSA PRIVATE KEY" or "EC PRIVATE KEY":
                        keyPem = keyPem is null ? block : throw new InvalidArgumentException("The PEM bundle holds more than one private key.");
                        break;
                    case "ENCRYPTED PRIVATE KEY":
                        throw new InvalidArgumentException("The PEM bundle's key is encrypted; upload an unencrypted key, or a PKCS#12 file with its password.");
                }
            }

            if (certificates.Count == 0)
            {
                throw new InvalidArgumentException("The PEM bundle holds no CERTIFICATE.");
            }

            if (keyPem is not null)
            {
                return WithKey(certificates, keyPem);
            }

            return certificates.Count == 1
                ? X509CertificateLoader.LoadCertificate(certificates[0].RawData)
                : throw new InvalidArgumentException(
                    $"The PEM bundle holds {certificates.Count} certificates and no private key: upload Apple's certificate alone, or a certificate with its key.");
        }
        finally
        {
            certificates.ForEach(c => c.Dispose());
        }
    }

    private static IEnumerable<(string Label, string Block)> PemBlocks(string pem)
    {
        var rest = pem;
        while (PemEncoding.TryFind(rest, out var fields))
        {
            yield return (rest[fields.Label].ToString(), rest[fields.Location].ToString());
            rest = rest[fields.Location.End..];
        }
    }

    private static X509Certificate2 LoadCertificate(string block)
    {
        try
        {
            return X509Certificate2.CreateFromPem(block);
        }
        catch (CryptographicException)
        {
            throw new InvalidArgumentException("A CERTIFICATE in the PEM bundle cannot be read.");
        }
    }

    /// <summary>The certificate the key belongs to, with the key attached.</summary>
    private static X509Certificate2 WithKey(List<X509Certificate2> certificates, string keyPem)
    {
        using var key = ImportKey(keyPem);
        foreach (var certificate in certificates)
        {
            try
            {
                return key switch
                {
                    RSA rsa => certificate.CopyWithPrivateKey(rsa),
                    ECDsa ecdsa => certificate.CopyWithPrivateKey(ecdsa),
                    _ => throw new InvalidOperationException("Unexpected key type."),
                };
            }
            catch (Exception e) when (e is ArgumentException or CryptographicException or InvalidOperationException)
            {
                // Not this certificate's key: try the next one.
            }
        }

        throw new InvalidArgumentException("The private key does not belong to any certificate in the PEM bundle.");
    }

    private static AsymmetricAlgorithm ImportKey(string keyPem) =>
        TryImport(RSA.Create(), keyPem) ?? TryImport(ECDsa.Create(), keyPem)
        ?? throw new InvalidArgumentException("The private key in the PEM bundle cannot be read as an RSA or EC key.");

    private static AsymmetricAlgorithm? TryImport(AsymmetricAlgorithm key, string keyPem)
    {
        try
        {
            key.ImportFromPem(keyPem);
            return key;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            return null;
        }
    }

    /// <summary>Apple's certificate alone, as the portal downloads it; null when the upload is not one DER certificate.</summary>
    private static X509Certificate2? ReadDer(ReadOnlySpan<byte> upload)
    {
        try
        {
            return X509CertificateLoader.LoadCertificate(upload);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static X509Certificate2 ReadPkcs12(ReadOnlySpan<byte> upload, string password)
    {
        X509Certificate2Collection contents;
        try
        {
            contents = X509CertificateLoader.LoadPkcs12Collection(upload, password, X509KeyStorageFlags.Exportable | X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException)
        {
            throw new InvalidArgumentException("certificate is neither PEM nor a PKCS#12 file this password opens.");
        }

        var withKey = contents.FirstOrDefault(c => c.HasPrivateKey);
        foreach (var other in contents.Where(c => c != withKey))
        {
            other.Dispose();
        }

        return withKey ?? throw new InvalidArgumentException("The PKCS#12 file holds no certificate with its private key.");
    }
}
