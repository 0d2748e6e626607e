using System.Security.Cryptography.Pkcs;

namespace SaaSMdm.Apple.Cms;

/// <summary>
/// Makes the <see cref="MdmSignatureHeader"/> value a device sends: base64 of a DER detached CMS SignedData over the
/// exact body, SHA-256, with the identity certificate embedded so <see cref="MdmSignatureVerifier"/> finds the signer.
/// </summary>
public sealed class MdmSignatureSigner
{
    private readonly SigningIdentity _identity;

    /// <param name="identity">The device's identity certificate and its key.</param>
    public MdmSignatureSigner(SigningIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        _identity = identity;
    }

    /// <summary>Returns the header value signing <paramref name="body"/>.</summary>
    public string Sign(ReadOnlySpan<byte> body)
    {
        var signedCms = new SignedCms(new ContentInfo(body.ToArray()), detached: true);
        signedCms.ComputeSignature(_identity.CreateCmsSigner(CmsOids.Sha256Oid), silent: true);
        return Convert.ToBase64String(signedCms.Encode());
    }
}
