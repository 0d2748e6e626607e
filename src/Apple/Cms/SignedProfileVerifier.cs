using System.Security.Cryptography.Pkcs;

namespace SaaSMdm.Apple.Cms;

/// <summary>
/// Opens a signed profile: checks that its single signature verifies and returns the content and the signer.
/// Trust in the signer is the caller's business (see <see cref="CertificateChainValidator"/>).
/// </summary>
public static class SignedProfileVerifier
{
    /// <exception cref="CmsSignatureException">The input is not an attached SignedData or its signature does not verify.</exception>
    public static SignedProfile Verify(ReadOnlySpan<byte> signedProfile)
    {
        var signedCms = SingleSignerCheck.Decode(new SignedCms(), signedProfile);
        var content = signedCms.ContentInfo.Content;
        if (content.Length == 0)
        {
            throw new CmsSignatureException(CmsSignatureFailure.NotAttached, "The SignedData carries no content.");
        }

        var signer = SingleSignerCheck.Verify(signedCms);
        return new SignedProfile(content, signer, signedCms.Certificates);
    }
}
