using System.Security.Cryptography.X509Certificates;

namespace SaaSMdm.Apple.Scep;

/// <summary>A CertRep as a client reads it, signature checked against the CA and envelope decrypted.</summary>
/// <param name="Certificates">The issued certificate(s); empty unless <paramref name="Status"/> is Success.</param>
public sealed record ScepCertRep(
    ScepPkiStatus Status,
    ScepFailInfo? FailInfo,
    string TransactionId,
    byte[] SenderNonce,
    byte[] RecipientNonce,
    X509Certificate2Collection Certificates);
