using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace SaaSMdm.Apple.Cms;

/// <summary>
/// Signs configuration profiles (<c>.mobileconfig</c>) the way Apple devices accept them: a DER CMS SignedData with
/// the profile attached, SHA-256, the signer certificate plus any chain certificates embedded.
/// </summary>
public sealed class ProfileSigner
{
    private readonly SigningIdentity _identity;
    private readonly X509Certificate2Collection _chain;

    /// <param name="identity">The signing certificate and its key.</param>
    /// <param name="chain">Intermediate certificates to embed so that devices can build the path to a trusted root.</param>
    public ProfileSigner(SigningIdentity identity, X509Certificate2Collection? chain = null)
    {
        ArgumentNullException.ThrowIfNull(identity);
        _identity = identity;
        _chain = chain ?? [];
    }

    /// <summary>Returns the DER-encoded SignedData carrying <paramref name="content"/>.</summary>
    public byte[] Sign(ReadOnlySpan<byte> content)
    {
        var signedCms = new SignedCms(new ContentInfo(content.ToArray()), detached: false);
        var signer = _identity.CreateCmsSigner(CmsOids.Sha256Oid);
        signer.Certificates.AddRange(_chain);
        signedCms.ComputeSignature(signer, silent: true);
        return signedCms.Encode();
    }
}
