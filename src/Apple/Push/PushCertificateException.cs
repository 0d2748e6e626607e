namespace SaaSMdm.Apple.Push;

/// <summary>A certificate that cannot be used to send MDM pushes.</summary>
public sealed class PushCertificateException : Exception
{
    public PushCertificateException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
