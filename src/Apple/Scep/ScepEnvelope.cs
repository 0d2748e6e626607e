using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using SaaSMdm.Apple.Cms;

namespace SaaSMdm.Apple.Scep;

/// <summary>The pkcsPKIEnvelope: an EnvelopedData with RSA key transport, as both SCEP directions use it.</summary>
internal static class ScepEnvelope
{
    public static byte[] Encrypt(byte[] content, X509Certificate2 recipient, string contentEncryptionAlgorithm)
    {
        var envelope = new EnvelopedCms(new ContentInfo(content), new AlgorithmIdentifier(new Oid(contentEncryptionAlgorithm)));
        envelope.Encrypt(new CmsRecipient(SubjectIdentifierType.IssuerAndSerialNumber, recipient, RSAEncryptionPadding.Pkcs1));
        return envelope.Encode();
    }

    /// <exception cref="CryptographicException">Not an EnvelopedData.</exception>
    public static EnvelopedCms Decode(byte[] encoded)
    {
        var envelope = new EnvelopedCms();
        envelope.Decode(encoded);
        return envelope;
    }

    /// <summary>Decrypts for <paramref name="recipient"/>, or returns null when the envelope is not addressed to it.</summary>
    /// <exception cref="CryptographicException">Addressed to the recipient but undecryptable.</exception>
    public static byte[]? Decrypt(EnvelopedCms envelope, SigningIdentity recipient)
    {
        var recipientInfo = envelope.RecipientInfos.Cast<RecipientInfo>()
            .FirstOrDefault(info => Identifies(info.RecipientIdentifier, recipient.Certificate));
        if (recipientInfo is null)
        {
            return null;
        }

        envelope.Decrypt(recipientInfo, recipient.PrivateKey);
        return envelope.ContentInfo.Content;
    }

    private static bool Identifies(SubjectIdentifier identifier, X509Certificate2 certificate) => identifier.Value switch
    {
        X509IssuerSerial issuerSerial =>
            string.Equals(issuerSerial.SerialNumber, certificate.SerialNumber, StringComparison.OrdinalIgnoreCase)
            && issuerSerial.IssuerName == certificate.IssuerName.Name,
        string keyIdentifier => certificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>()
            .Any(extension => string.Equals(extension.SubjectKeyIdentifier, keyIdentifier, StringComparison.OrdinalIgnoreCase)),
        _ => false,
    };
}
