namespace SaaSMdm.Apple.Scep;

/// <summary>Names and encodings of SCEP over HTTP (RFC 8894 section 4), for the endpoint that hosts a <see cref="ScepServer"/>.</summary>
public static class ScepTransport
{
    public const string OperationParameter = "operation";
    public const string MessageParameter = "message";
    public const string GetCACaps = "GetCACaps";
    public const string GetCACert = "GetCACert";
    public const string PKIOperation = "PKIOperation";

    public const string CapabilitiesContentType = "text/plain";
    public const string CaCertificateContentType = "application/x-x509-ca-cert";
    public const string PkiMessageContentType = "application/x-pki-message";

    /// <summary>
    /// Decodes the <c>message</c> query parameter of a GET PKIOperation: base64, standard or URL-safe alphabet
    /// (clients differ), with a <c>+</c> that form decoding turned into a space put back.
    /// </summary>
    /// <exception cref="ScepException">Not base64.</exception>
    public static byte[] DecodeQueryMessage(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var standard = message.Replace(' ', '+').Trim().Replace('-', '+').Replace('_', '/');
        var padded = standard.PadRight(standard.Length + ((4 - (standard.Length % 4)) % 4), '=');
        var buffer = new byte[padded.Length / 4 * 3];
        return Convert.TryFromBase64String(padded, buffer, out var written) && written > 0
            ? buffer[..written]
            : throw new ScepException("The message parameter is not base64.");
    }
}
