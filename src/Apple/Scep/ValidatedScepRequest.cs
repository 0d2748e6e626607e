using System.Security.Cryptography.X509Certificates;

namespace SaaSMdm.Apple.Scep;

/// <summary>A request whose signature, time, signer and CSR have been checked; only the challenge check remains.</summary>
/// <param name="Attributes">The request's SCEP attributes.</param>
/// <param name="Signer">The certificate that signed the request; the response is encrypted to it.</param>
/// <param name="SigningRequest">The decrypted CSR, self-signature verified.</param>
/// <param name="ChallengePassword">The CSR's challengePassword, null when absent.</param>
/// <param name="ResponseEncryptionAlgorithm">The cipher for the answer's envelope.</param>
internal sealed record ValidatedScepRequest(
    ScepMessageAttributes Attributes,
    X509Certificate2 Signer,
    CertificateRequest SigningRequest,
    string? ChallengePassword,
    string ResponseEncryptionAlgorithm);
