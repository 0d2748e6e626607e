namespace SaaSMdm.Apple.Scep;

/// <summary>
/// A SCEP message so malformed that it cannot be answered with a CertRep (no SignedData, no transaction identifier,
/// no nonce), or a response a client cannot accept. An HTTP endpoint answers it with 400.
/// </summary>
public sealed class ScepException : Exception
{
    public ScepException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
