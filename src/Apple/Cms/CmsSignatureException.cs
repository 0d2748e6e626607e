namespace SaaSMdm.Apple.Cms;

/// <summary>A CMS signature (an <c>Mdm-Signature</c> header or a signed profile) was refused.</summary>
public sealed class CmsSignatureException : Exception
{
    public CmsSignatureException(CmsSignatureFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    public CmsSignatureFailure Failure { get; }
}
