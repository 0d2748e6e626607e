using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using SaaSMdm.Apple.Cms;

namespace SaaSMdm.Apple.Scep;

/// <summary>A decoded pkiMessage: a SignedData with one signer and its SCEP attributes, signature not yet checked.</summary>
internal sealed record ScepSignedMessage(SignedCms SignedCms, ScepMessageAttributes Attributes)
{
    public SignerInfo Signer => SignedCms.SignerInfos[0];

    /// <summary>The signed content (the pkcsPKIEnvelope), empty when absent.</summary>
    public byte[] Content => SignedCms.ContentInfo.Content;

    /// <summary>Signs <paramref name="content"/> (a pkcsPKIEnvelope) with the SCEP attributes.</summary>
    public static byte[] Encode(byte[] content, ScepMessageAttributes attributes, SigningIdentity signer, Oid digestAlgorithm)
    {
        var signedCms = new SignedCms(new ContentInfo(content), detached: false);
        var cmsSigner = signer.CreateCmsSigner(digestAlgorithm);
        ScepAttributeCodec.AddTo(cmsSigner.SignedAttributes, attributes);
        signedCms.ComputeSignature(cmsSigner, silent: true);
        return signedCms.Encode();
    }

    /// <summary>Signs the SCEP attributes alone (SHA-256), as a failed CertRep omits the pkcsPKIEnvelope.</summary>
    public static byte[] EncodeWithoutContent(ScepMessageAttributes attributes, SigningIdentity signer)
    {
        var signedAttributes = new CryptographicAttributeObjectCollection();
        ScepAttributeCodec.AddTo(signedAttributes, attributes);
        return SignedDataWriter.SignAbsentContent(signedAttributes, signer);
    }

    /// <exception cref="ScepException">Not a SignedData with exactly one signer and readable SCEP attributes.</exception>
    public static ScepSignedMessage Decode(ReadOnlySpan<byte> encoded)
    {
        var signedCms = new SignedCms();
        try
        {
            signedCms.Decode(encoded);
            if (signedCms.SignerInfos.Count != 1)
            {
                throw new ScepException($"A pkiMessage has exactly one signer, not {signedCms.SignerInfos.Count}.");
            }

            return new ScepSignedMessage(signedCms, ScepAttributeCodec.Read(signedCms.SignerInfos[0].SignedAttributes));
        }
        catch (CryptographicException e)
        {
            throw new ScepException($"The pkiMessage is not a CMS SignedData: {e.Message}", e);
        }
    }
}
