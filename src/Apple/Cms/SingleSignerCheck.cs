using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace SaaSMdm.Apple.Cms;

/// <summary>
/// Checks that a decoded SignedData has exactly one signer whose certificate is embedded and whose signature
/// verifies. Trust in that certificate is the caller's business.
/// </summary>
internal static class SingleSignerCheck
{
    public static X509Certificate2 Verify(SignedCms signedCms)
    {
        var signers = signedCms.SignerInfos;
        if (signers.Count == 0)
        {
            throw new CmsSignatureException(CmsSignatureFailure.NoSigner, "The SignedData has no signer.");
        }

        if (signers.Count > 1)
        {
            throw new CmsSignatureException(
                CmsSignatureFailure.MultipleSigners, $"The SignedData has {signers.Count} signers; exactly one is accepted.");
        }

        var signer = signers[0];
        var certificate = FindCertificate(signer) ?? throw new CmsSignatureException(
            CmsSignatureFailure.SignerCertificateMissing, "No embedded certificate matches the signer identifier.");
        try
        {
            signer.CheckSignature([], verifySignatureOnly: true);
        }
        catch (CryptographicException e)
        {
            throw new CmsSignatureException(CmsSignatureFailure.BadSignature, $"The signature does not verify: {e.Message}", e);
        }

        return certificate;
    }

    private static X509Certificate2? FindCertificate(SignerInfo signer)
    {
        // SignedCms parses the embedded certificates only when one is asked for.
        try
        {
            return signer.Certificate;
        }
        catch (CryptographicException e)
        {
            throw new CmsSignatureException(CmsSignatureFailure.Malformed, $"An embedded certificate is unreadable: {e.Message}", e);
        }
    }

    /// <summary>Decodes a SignedData, turning every decoding error into <see cref="CmsSignatureFailure.Malformed"/>.</summary>
    public static SignedCms Decode(SignedCms target, ReadOnlySpan<byte> encoded)
    {
        try
        {
            target.Decode(encoded);
            return target;
        }
        catch (CryptographicException e)
        {
            throw new CmsSignatureException(CmsSignatureFailure.Malformed, $"Not a CMS SignedData: {e.Message}", e);
        }
    }
}
