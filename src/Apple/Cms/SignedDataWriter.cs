using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SaaSMdm.Apple.Cms;

/// <summary>
/// Writes the two SignedData shapes that <see cref="System.Security.Cryptography.Pkcs.SignedCms"/> cannot produce:
/// a certs-only bundle (no signer) and a signature over absent content (SignedCms refuses empty content).
/// </summary>
internal static class SignedDataWriter
{
    private const string ContentTypeAttribute = "1.2.840.113549.1.9.3";
    private const string MessageDigestAttribute = "1.2.840.113549.1.9.4";
    private const string RsaEncryption = "1.2.840.113549.1.1.1";
    private const string EcdsaWithSha256 = "1.2.840.10045.4.3.2";

    /// <summary>A degenerate SignedData: certificates only, no content, no signer.</summary>
    public static byte[] CertificatesOnly(IEnumerable<X509Certificate2> certificates) =>
        Write(digestAlgorithm: null, certificates, signerInfo: null);

    /// <summary>
    /// A SHA-256 SignedData whose encapsulated content is absent, signed by <paramref name="signer"/> with
    /// contentType, messageDigest (of the empty string) and <paramref name="signedAttributes"/>.
    /// </summary>
    public static byte[] SignAbsentContent(CryptographicAttributeObjectCollection signedAttributes, SigningIdentity signer)
    {
        var attributes = EncodeSignedAttributes(signedAttributes, SHA256.HashData([]));
        var (signatureAlgorithm, signature) = signer.PrivateKey switch
        {
            RSA rsa => (RsaEncryption, rsa.SignData(attributes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)),
            ECDsa ecdsa => (EcdsaWithSha256, ecdsa.SignData(attributes, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)),
            _ => throw new InvalidOperationException("Unreachable: signing identities are RSA or ECDSA."),
        };

        var signerInfo = EncodeSignerInfo(signer.Certificate, attributes, signatureAlgorithm, signature);
        return Write(CmsOids.Sha256, [signer.Certificate], signerInfo);
    }

    private static byte[] Write(string? digestAlgorithm, IEnumerable<X509Certificate2> certificates, byte[]? signerInfo)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(CmsOids.SignedData);
            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
            using (writer.PushSequence())
            {
                writer.WriteInteger(1);
                using (writer.PushSetOf())
                {
                    if (digestAlgorithm is not null)
                    {
                        WriteAlgorithm(writer, digestAlgorithm, withNullParameters: false);
                    }
                }

                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(CmsOids.Data);
                }

                using (writer.PushSetOf(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
                {
                    foreach (var certificate in certificates)
                    {
                        writer.WriteEncodedValue(certificate.RawData);
                    }
                }

                using (writer.PushSetOf())
                {
                    if (signerInfo is not null)
                    {
                        writer.WriteEncodedValue(signerInfo);
                    }
                }
            }
        }

        return writer.Encode();
    }

    /// <summary>The DER SET OF Attribute that is signed (with its universal SET tag, as CMS requires for signing).</summary>
    private static byte[] EncodeSignedAttributes(CryptographicAttributeObjectCollection extra, byte[] contentDigest)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSetOf())
        {
            WriteAttribute(writer, ContentTypeAttribute, [Encode(w => w.WriteObjectIdentifier(CmsOids.Data))]);
            WriteAttribute(writer, MessageDigestAttribute, [Encode(w => w.WriteOctetString(contentDigest))]);
            foreach (var attribute in extra)
            {
                WriteAttribute(writer, attribute.Oid.Value!, attribute.Values.Cast<AsnEncodedData>().Select(value => value.RawData));
            }
        }

        return writer.Encode();
    }

    private static byte[] EncodeSignerInfo(X509Certificate2 certificate, byte[] signedAttributes, string signatureAlgorithm, byte[] signature)
    {
        // In the SignerInfo the attributes carry the implicit [0] tag instead of SET; the bytes after the tag are the same.
        var taggedAttributes = signedAttributes.ToArray();
        taggedAttributes[0] = 0xA0;

        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(1);
            using (writer.PushSequence())
            {
                writer.WriteEncodedValue(certificate.IssuerName.RawData);
                writer.WriteInteger(certificate.SerialNumberBytes.Span);
            }

            WriteAlgorithm(writer, CmsOids.Sha256, withNullParameters: false);
            writer.WriteEncodedValue(taggedAttributes);
            WriteAlgorithm(writer, signatureAlgorithm, withNullParameters: signatureAlgorithm == RsaEncryption);
            writer.WriteOctetString(signature);
        }

        return writer.Encode();
    }

    private static void WriteAttribute(AsnWriter writer, string oid, IEnumerable<byte[]> values)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(oid);
            using (writer.PushSetOf())
            {
                foreach (var value in values)
                {
                    writer.WriteEncodedValue(value);
                }
            }
        }
    }

    private static void WriteAlgorithm(AsnWriter writer, string oid, bool withNullParameters)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(oid);
            if (withNullParameters)
            {
                writer.WriteNull();
            }
        }
    }

    private static byte[] Encode(Action<AsnWriter> write)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        write(writer);
        return writer.Encode();
    }
}
