using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using SaaSMdm.Apple.Cms;

namespace SaaSMdm.Apple.Scep;

/// <summary>
/// The client side of SCEP: builds PKCSReq and RenewalReq messages and reads CertReps. Used by device simulators
/// and tests; devices and scepclient are the independent implementations.
/// </summary>
public static class ScepClientMessages
{
    /// <summary>A PKCS#10 request for <paramref name="subject"/>, with a challengePassword attribute when one is given.</summary>
    public static byte[] CreateSigningRequest(X500DistinguishedName subject, RSA key, string? challengePassword)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        if (challengePassword is not null)
        {
            request.OtherRequestAttributes.Add(new AsnEncodedData(ScepOids.ChallengePassword, EncodeChallenge(challengePassword)));
        }

        return request.CreateSigningRequest();
    }

    /// <summary>The short-lived self-signed certificate that signs a PKCSReq when the client has no certificate yet.</summary>
    public static SigningIdentity CreateSelfSignedSigner(X500DistinguishedName subject, RSA key, TimeProvider? timeProvider = null)
    {
        var now = (timeProvider ?? TimeProvider.System).GetUtcNow();
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return new SigningIdentity(request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1)), key);
    }

    /// <summary>
    /// Encrypts <paramref name="signingRequest"/> to the CA and signs it as <paramref name="messageType"/>
    /// (PKCSReq with a self-signed signer, RenewalReq with the certificate being renewed).
    /// </summary>
    public static ScepClientRequest CreateRequest(
        ScepMessageType messageType,
        byte[] signingRequest,
        SigningIdentity signer,
        X509Certificate2 caCertificate,
        ScepClientRequestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(signingRequest);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(caCertificate);
        if (messageType is not (ScepMessageType.PKCSReq or ScepMessageType.RenewalReq))
        {
            throw new ArgumentException("Only PKCSReq and RenewalReq are built here.", nameof(messageType));
        }

        options ??= new ScepClientRequestOptions();
        var transactionId = options.TransactionId ?? TransactionIdOf(signingRequest);
        var senderNonce = RandomNumberGenerator.GetBytes(16);
        var envelope = ScepEnvelope.Encrypt(signingRequest, caCertificate, options.ContentEncryptionAlgorithm);
        var attributes = new ScepMessageAttributes(messageType, transactionId, senderNonce) { SigningTime = options.SigningTime };
        var message = ScepSignedMessage.Encode(envelope, attributes, signer, new Oid(options.DigestAlgorithm));
        return new ScepClientRequest(message, transactionId, senderNonce);
    }

    /// <summary>Checks that the CA signed <paramref name="response"/> and decrypts the issued certificates on success.</summary>
    /// <exception cref="ScepException">Not a CertRep signed by the CA, or the envelope is not readable by the requester.</exception>
    public static ScepCertRep ReadCertRep(ReadOnlySpan<byte> response, X509Certificate2 caCertificate, SigningIdentity requester)
    {
        ArgumentNullException.ThrowIfNull(caCertificate);
        ArgumentNullException.ThrowIfNull(requester);
        var message = ScepSignedMessage.Decode(response);
        VerifyCaSignature(message.Signer, caCertificate);

        var attributes = message.Attributes;
        if (attributes.MessageType != ScepMessageType.CertRep || attributes.PkiStatus is not { } status)
        {
            throw new ScepException($"Expected a CertRep with a pkiStatus, got messageType {(int)attributes.MessageType}.");
        }

        var recipientNonce = attributes.RecipientNonce ?? throw new ScepException("The CertRep has no recipientNonce.");
        var certificates = status == ScepPkiStatus.Success ? OpenCertificates(message.Content, requester) : [];
        return new ScepCertRep(status, attributes.FailInfo, attributes.TransactionId, attributes.SenderNonce, recipientNonce, certificates);
    }

    private static void VerifyCaSignature(SignerInfo signer, X509Certificate2 caCertificate)
    {
        try
        {
            if (signer.Certificate is { } embedded && !embedded.RawDataMemory.Span.SequenceEqual(caCertificate.RawDataMemory.Span))
            {
                throw new ScepException($"The CertRep is signed by '{embedded.Subject}', not by the CA.");
            }

            signer.CheckSignature([caCertificate], verifySignatureOnly: true);
        }
        catch (CryptographicException e)
        {
            throw new ScepException($"The CertRep signature does not verify against the CA: {e.Message}", e);
        }
    }

    private static X509Certificate2Collection OpenCertificates(byte[] content, SigningIdentity requester)
    {
        try
        {
            var envelope = ScepEnvelope.Decode(content);
            var degenerate = new SignedCms();
            degenerate.Decode(ScepEnvelope.Decrypt(envelope, requester)
                ?? throw new ScepException("The CertRep envelope is not addressed to the requester."));
            return degenerate.Certificates;
        }
        catch (CryptographicException e)
        {
            throw new ScepException($"The CertRep envelope is unreadable: {e.Message}", e);
        }
    }

    private static string TransactionIdOf(byte[] signingRequest)
    {
        try
        {
            var request = CertificateRequest.LoadSigningRequest(
                signingRequest, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.SkipSignatureValidation);
            return Convert.ToHexString(SHA256.HashData(request.PublicKey.ExportSubjectPublicKeyInfo()));
        }
        catch (CryptographicException e)
        {
            throw new ArgumentException("Not a PKCS#10 request; pass a TransactionId to send it anyway.", nameof(signingRequest), e);
        }
    }

    private static byte[] EncodeChallenge(string challengePassword)
    {
        // Characters outside PrintableString (e.g. '_' or non-ASCII) need the UTF8String choice of DirectoryString.
        var type = challengePassword.All(IsPrintableStringCharacter) ? UniversalTagNumber.PrintableString : UniversalTagNumber.UTF8String;
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteCharacterString(type, challengePassword);
        return writer.Encode();
    }

    private static bool IsPrintableStringCharacter(char c) => char.IsAsciiLetterOrDigit(c) || " '()+,-./:=?".Contains(c);
}
