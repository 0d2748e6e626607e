using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SaaSMdm.Apple.Cms;

namespace SaaSMdm.Apple.Scep;

/// <summary>
/// The server side of SCEP (RFC 8894) as pure functions of their inputs: the HTTP endpoint maps GetCACaps,
/// GetCACert and PKIOperation onto these methods and sends back what they return.
/// </summary>
public sealed class ScepServer
{
    /// <summary>
    /// What this server advertises. SHA-1 and DES3 are not: Apple devices use SHA-256 and AES when offered. Clients
    /// that ignore the list (micromdm's scepclient signs with SHA-1 and encrypts with DES) are tolerated, see
    /// <see cref="ScepServerOptions.AcceptLegacyDesEncryption"/>. GetNextCACert is not offered: no CA rollover here.
    /// </summary>
    private static readonly string[] Capabilities = ["POSTPKIOperation", "SHA-256", "AES", "SCEPStandard", "Renewal"];

    private readonly ScepServerOptions _options;
    private readonly PkiRequestValidator _validator;
    private readonly ScepCertificateIssuer _issuer;

    public ScepServer(ScepServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.CertificateAuthority.PrivateKey is not RSA)
        {
            throw new ArgumentException("SCEP clients encrypt requests to the CA with RSA key transport; the CA key must be RSA.", nameof(options));
        }

        _options = options;
        _validator = new PkiRequestValidator(options, new CertificateChainValidator(options.TimeProvider));
        _issuer = new ScepCertificateIssuer(options.CertificateAuthority, options.Issuance, options.TimeProvider);
    }

    /// <summary>The GetCACaps answer, sent as <see cref="ScepTransport.CapabilitiesContentType"/>: the same for every CA.</summary>
    public static string GetCACaps() => string.Join('\n', Capabilities);

    /// <summary>The GetCACert answer: the CA certificate alone, DER.</summary>
    public ScepContent GetCACert() => GetCACert(_options.CertificateAuthority.Certificate);

    /// <summary>The GetCACert answer for a CA whose key is not needed (nor opened) to give it.</summary>
    public static ScepContent GetCACert(X509Certificate2 certificateAuthority)
    {
        ArgumentNullException.ThrowIfNull(certificateAuthority);
        return new ScepContent(certificateAuthority.RawData, ScepTransport.CaCertificateContentType);
    }

    /// <summary>
    /// Answers a PKIOperation with a CertRep: the issued certificate, or a failure with its failInfo when the request
    /// is refused (bad signature, wrong challenge, bad CSR, bad time, unsupported algorithm).
    /// </summary>
    /// <exception cref="ScepException">The message is too large or too malformed to be answered (HTTP 400).</exception>
    public async Task<ScepPkiResponse> HandlePkiOperationAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        if (message.Length > _options.MaxMessageSize)
        {
            throw new ScepException($"The pkiMessage has {message.Length} bytes; at most {_options.MaxMessageSize} are accepted.");
        }

        var request = ScepSignedMessage.Decode(message.Span);
        try
        {
            var validated = _validator.Validate(request);
            await AuthorizeAsync(validated, cancellationToken).ConfigureAwait(false);
            return Grant(validated, _issuer.Issue(validated.SigningRequest));
        }
        catch (ScepRejection rejection)
        {
            return Refuse(request.Attributes, rejection);
        }
    }

    private async ValueTask AuthorizeAsync(ValidatedScepRequest request, CancellationToken cancellationToken)
    {
        var type = request.Attributes.MessageType;
        if (type == ScepMessageType.PKCSReq && request.ChallengePassword is null)
        {
            throw new ScepRejection(ScepFailInfo.BadRequest, "The CSR has no challengePassword.");
        }

        var context = new ScepChallengeContext(
            type, request.Attributes.TransactionId, request.ChallengePassword, request.SigningRequest.SubjectName, request.Signer);
        if (!await _options.ValidateChallenge(context, cancellationToken).ConfigureAwait(false))
        {
            throw new ScepRejection(
                ScepFailInfo.BadRequest, type == ScepMessageType.PKCSReq ? "The challenge password was refused." : "The renewal was refused.");
        }
    }

    private ScepPkiResponse Grant(ValidatedScepRequest request, X509Certificate2 issued)
    {
        var envelope = ScepEnvelope.Encrypt(
            SignedDataWriter.CertificatesOnly([issued]), request.Signer, request.ResponseEncryptionAlgorithm);
        var body = ScepSignedMessage.Encode(
            envelope, CertRepAttributes(request.Attributes, ScepPkiStatus.Success), _options.CertificateAuthority, CmsOids.Sha256Oid);
        return new ScepPkiResponse(body, request.Attributes.MessageType, request.Attributes.TransactionId, ScepPkiStatus.Success)
        {
            IssuedCertificate = issued,
        };
    }

    private ScepPkiResponse Refuse(ScepMessageAttributes request, ScepRejection rejection)
    {
        var attributes = CertRepAttributes(request, ScepPkiStatus.Failure) with { FailInfo = rejection.FailInfo };
        var body = ScepSignedMessage.EncodeWithoutContent(attributes, _options.CertificateAuthority);
        return new ScepPkiResponse(body, request.MessageType, request.TransactionId, ScepPkiStatus.Failure)
        {
            FailInfo = rejection.FailInfo,
            FailureReason = rejection.Message,
        };
    }

    private static ScepMessageAttributes CertRepAttributes(ScepMessageAttributes request, ScepPkiStatus status) =>
        new(ScepMessageType.CertRep, request.TransactionId, RandomNumberGenerator.GetBytes(16))
        {
            RecipientNonce = request.SenderNonce,
            PkiStatus = status,
        };
}
