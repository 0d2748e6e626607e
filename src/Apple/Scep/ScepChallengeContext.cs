using System.Security.Cryptography.X509Certificates;

namespace SaaSMdm.Apple.Scep;

/// <summary>What a challenge check needs to know about a verified, decrypted request.</summary>
/// <param name="MessageType">PKCSReq or RenewalReq.</param>
/// <param name="TransactionId">The client's transactionID.</param>
/// <param name="ChallengePassword">The CSR's challengePassword attribute, null when absent.</param>
/// <param name="Subject">The subject the CSR asks for (and the issued certificate will carry).</param>
/// <param name="SignerCertificate">
/// The certificate that signed the request: self-signed for PKCSReq, one this CA issued for RenewalReq.
/// </param>
public sealed record ScepChallengeContext(
    ScepMessageType MessageType,
    string TransactionId,
    string? ChallengePassword,
    X500DistinguishedName Subject,
    X509Certificate2 SignerCertificate)
{
    public bool IsRenewal => MessageType == ScepMessageType.RenewalReq;
}
