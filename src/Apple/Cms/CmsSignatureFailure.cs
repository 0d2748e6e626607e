namespace SaaSMdm.Apple.Cms;

/// <summary>Why a CMS signature was refused.</summary>
public enum CmsSignatureFailure
{
    /// <summary>The encoded input is larger than the configured limit.</summary>
    TooLarge,

    /// <summary>Not base64, or not a CMS SignedData.</summary>
    Malformed,

    /// <summary>A detached signature was expected, but the SignedData carries its content.</summary>
    NotDetached,

    /// <summary>An attached signature was expected, but the SignedData carries no content.</summary>
    NotAttached,

    /// <summary>The SignedData has no signer.</summary>
    NoSigner,

    /// <summary>The SignedData has more than one signer, so the signer is ambiguous.</summary>
    MultipleSigners,

    /// <summary>No embedded certificate matches the signer's identifier.</summary>
    SignerCertificateMissing,

    /// <summary>The signature, or the digest of the content, does not verify.</summary>
    BadSignature,
}
