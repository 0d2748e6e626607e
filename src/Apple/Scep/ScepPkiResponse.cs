using System.Security.Cryptography.X509Certificates;

namespace SaaSMdm.Apple.Scep;

/// <summary>The answer to a PKIOperation: a CertRep to send back, and what it says for the caller's records.</summary>
/// <param name="Body">The DER CertRep, sent with <see cref="ContentType"/>.</param>
/// <param name="RequestType">The messageType of the request.</param>
/// <param name="TransactionId">The transactionID shared by request and response.</param>
/// <param name="Status">Success or Failure.</param>
public sealed record ScepPkiResponse(byte[] Body, ScepMessageType RequestType, string TransactionId, ScepPkiStatus Status)
{
    public string ContentType => ScepTransport.PkiMessageContentType;

    public ScepFailInfo? FailInfo { get; init; }

    /// <summary>Why the request failed, for logs; never sent to the client.</summary>
    public string? FailureReason { get; init; }

    /// <summary>The certificate issued on success.</summary>
    public X509Certificate2? IssuedCertificate { get; init; }
}
