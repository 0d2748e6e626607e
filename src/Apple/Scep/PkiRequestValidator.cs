using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using SaaSMdm.Apple.Cms;

namespace SaaSMdm.Apple.Scep;

/// <summary>
/// Checks a decoded PKCSReq or RenewalReq up to, but not including, the challenge: signature, signing time, renewal
/// signer, envelope and CSR. Every refusal is a <see cref="ScepRejection"/> carrying the failInfo to answer with.
/// </summary>
internal sealed class PkiRequestValidator(ScepServerOptions options, CertificateChainValidator chainValidator)
{
    private const string RsaEncryption = "1.2.840.113549.1.1.1";

    /// <summary>
    /// SHA-1 is not advertised but still accepted: micromdm's scepclient (and the clients built on its library)
    /// sign requests with SHA-1 whatever GetCACaps says. The signature only binds the request to the key in it,
    /// so a collision gains an attacker nothing the challenge does not already guard.
    /// </summary>
    private static readonly HashSet<string> AcceptedDigests = [CmsOids.Sha1, CmsOids.Sha256, CmsOids.Sha384, CmsOids.Sha512];

    /// <summary>The ciphers GetCACaps advertises (AES); the answer reuses the one the client chose.</summary>
    private static readonly HashSet<string> AesCiphers = [ScepOids.Aes128Cbc, ScepOids.Aes192Cbc, ScepOids.Aes256Cbc];

    private static readonly HashSet<string> LegacyCiphers = [ScepOids.DesCbc, ScepOids.DesEde3Cbc];

    public ValidatedScepRequest Validate(ScepSignedMessage message)
    {
        var attributes = message.Attributes;
        if (attributes.MessageType is not (ScepMessageType.PKCSReq or ScepMessageType.RenewalReq))
        {
            throw new ScepRejection(
                ScepFailInfo.BadRequest, $"messageType {(int)attributes.MessageType} is not supported, only PKCSReq and RenewalReq.");
        }

        var signer = VerifySignature(message.Signer);
        CheckSigningTime(attributes.SigningTime);
        if (attributes.MessageType == ScepMessageType.RenewalReq)
        {
            CheckRenewalSigner(signer);
        }

        var (csrDer, cipher) = OpenEnvelope(message.Content);
        var csr = ParseSigningRequest(csrDer);
        if (attributes.MessageType == ScepMessageType.PKCSReq
            && !csr.PublicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(signer.PublicKey.ExportSubjectPublicKeyInfo()))
        {
            throw new ScepRejection(ScepFailInfo.BadMessageCheck, "The PKCSReq is not signed with the key of its CSR.");
        }

        return new ValidatedScepRequest(attributes, signer, csr, ReadChallengePassword(csr), cipher);
    }

    private static X509Certificate2 VerifySignature(SignerInfo signerInfo)
    {
        X509Certificate2? signer;
        try
        {
            signer = signerInfo.Certificate;
        }
        catch (CryptographicException e)
        {
            throw new ScepRejection(ScepFailInfo.BadMessageCheck, $"The signer certificate is unreadable: {e.Message}", e);
        }

        if (signer is null)
        {
            throw new ScepRejection(ScepFailInfo.BadMessageCheck, "The request does not include its signer certificate.");
        }

        if (signer.PublicKey.Oid.Value != RsaEncryption)
        {
            // The issued certificate goes back encrypted to the signer's key, and SCEP's envelope uses RSA key transport.
            throw new ScepRejection(ScepFailInfo.BadAlg, $"The signer key is {signer.PublicKey.Oid.FriendlyName ?? signer.PublicKey.Oid.Value}; SCEP needs RSA.");
        }

        if (!AcceptedDigests.Contains(signerInfo.DigestAlgorithm.Value ?? string.Empty))
        {
            throw new ScepRejection(ScepFailInfo.BadAlg, $"Digest algorithm {signerInfo.DigestAlgorithm.Value} is not accepted; use SHA-256.");
        }

        try
        {
            signerInfo.CheckSignature([], verifySignatureOnly: true);
        }
        catch (CryptographicException e)
        {
            throw new ScepRejection(ScepFailInfo.BadMessageCheck, $"The request signature does not verify: {e.Message}", e);
        }

        return signer;
    }

    private void CheckSigningTime(DateTimeOffset? signingTime)
    {
        var now = options.TimeProvider.GetUtcNow();
        if (signingTime is { } time && (time - now).Duration() > options.MaxSigningTimeSkew)
        {
            throw new ScepRejection(ScepFailInfo.BadTime, $"The signingTime {time:O} is too far from the server time {now:O}.");
        }
    }

    private void CheckRenewalSigner(X509Certificate2 signer)
    {
        var chain = chainValidator.Validate(signer, options.CertificateAuthority.Certificate);
        if (!chain.IsValid)
        {
            throw new ScepRejection(
                ScepFailInfo.BadMessageCheck, $"A RenewalReq must be signed with a valid certificate of this CA: {chain.Description}");
        }
    }

    /// <summary>Decrypts the CSR and picks the cipher of the answer: the client's own if AES, else AES-256.</summary>
    private (byte[] Content, string ResponseCipher) OpenEnvelope(byte[] content)
    {
        EnvelopedCms envelope;
        try
        {
            envelope = ScepEnvelope.Decode(content);
        }
        catch (CryptographicException e)
        {
            throw new ScepRejection(ScepFailInfo.BadRequest, $"The signed content is not an EnvelopedData: {e.Message}", e);
        }

        var cipher = envelope.ContentEncryptionAlgorithm.Oid.Value ?? string.Empty;
        if (!AesCiphers.Contains(cipher) && !(options.AcceptLegacyDesEncryption && LegacyCiphers.Contains(cipher)))
        {
            throw new ScepRejection(ScepFailInfo.BadAlg, $"Content encryption {cipher} is not accepted; use AES.");
        }

        try
        {
            var decrypted = ScepEnvelope.Decrypt(envelope, options.CertificateAuthority)
                ?? throw new ScepRejection(ScepFailInfo.BadMessageCheck, "The envelope is not addressed to this CA.");
            return (decrypted, AesCiphers.Contains(cipher) ? cipher : ScepOids.Aes256Cbc);
        }
        catch (CryptographicException e)
        {
            throw new ScepRejection(ScepFailInfo.BadMessageCheck, $"The envelope cannot be decrypted: {e.Message}", e);
        }
    }

    private static CertificateRequest ParseSigningRequest(byte[] der)
    {
        try
        {
            return CertificateRequest.LoadSigningRequest(der, HashAlgorithmName.SHA256);
        }
        catch (CryptographicException e)
        {
            throw new ScepRejection(ScepFailInfo.BadRequest, $"The CSR is unreadable or its signature does not verify: {e.Message}", e);
        }
        catch (NotSupportedException e)
        {
            throw new ScepRejection(ScepFailInfo.BadAlg, $"The CSR uses an unsupported algorithm: {e.Message}", e);
        }
    }

    private static string? ReadChallengePassword(CertificateRequest csr)
    {
        var values = csr.OtherRequestAttributes.Where(attribute => attribute.Oid?.Value == ScepOids.ChallengePassword).ToList();
        return values.Count switch
        {
            0 => null,
            1 when DirectoryStrings.TryRead(values[0].RawData, out var password, out _) => password,
            1 => throw new ScepRejection(ScepFailInfo.BadRequest, "The CSR's challengePassword is not a string."),
            _ => throw new ScepRejection(ScepFailInfo.BadRequest, "The CSR has more than one challengePassword."),
        };
    }
}
