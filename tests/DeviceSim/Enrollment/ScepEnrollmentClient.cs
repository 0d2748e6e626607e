using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using SaaSMdm.Apple.Cms;
using SaaSMdm.Apple.Scep;
using SaaSMdm.DeviceSim.Transport;

namespace SaaSMdm.DeviceSim.Enrollment;

/// <summary>
/// A device's SCEP exchange (RFC 8894) over its connection: GetCACaps, GetCACert, then a PKCSReq (first enrollment)
/// or RenewalReq (signed with the identity being renewed), choosing the strongest algorithms the CA offers.
/// </summary>
internal sealed class ScepEnrollmentClient(DeviceConnection connection)
{
    private const string Aes256Cbc = "2.16.840.1.101.3.4.1.42";
    private const string DesEde3Cbc = "1.2.840.113549.3.7";
    private const string Sha256 = "2.16.840.1.101.3.4.2.1";
    private const string Sha1 = "1.3.14.3.2.26";
    private const string CaAndRaContentType = "application/x-x509-ca-ra-cert";

    /// <summary>Enrolls a new key with the payload's challenge.</summary>
    public async Task<ScepIdentity> EnrollAsync(ScepPayloadSettings scep, RSA key, CancellationToken cancellationToken)
    {
        var signingRequest = ScepClientMessages.CreateSigningRequest(scep.Subject, key, scep.Challenge);
        var signer = ScepClientMessages.CreateSelfSignedSigner(scep.Subject, key);
        return await RequestAsync(scep, ScepMessageType.PKCSReq, signingRequest, signer, key, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Renews <paramref name="current"/> onto <paramref name="newKey"/>, proving possession of the current identity.</summary>
    public async Task<ScepIdentity> RenewAsync(ScepPayloadSettings scep, ScepIdentity current, RSA newKey, CancellationToken cancellationToken)
    {
        var signingRequest = ScepClientMessages.CreateSigningRequest(current.Certificate.SubjectName, newKey, challengePassword: null);
        var signer = SigningIdentity.FromCertificate(current.Certificate);
        return await RequestAsync(scep, ScepMessageType.RenewalReq, signingRequest, signer, newKey, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ScepIdentity> RequestAsync(
        ScepPayloadSettings scep, ScepMessageType type, byte[] signingRequest, SigningIdentity signer, RSA key, CancellationToken cancellationToken)
    {
        var capabilities = await GetCapabilitiesAsync(scep, cancellationToken).ConfigureAwait(false);
        var (recipient, ca) = await GetCaCertificatesAsync(scep, cancellationToken).ConfigureAwait(false);
        var request = ScepClientMessages.CreateRequest(type, signingRequest, signer, recipient, new ScepClientRequestOptions
        {
            ContentEncryptionAlgorithm = capabilities.Aes ? Aes256Cbc : DesEde3Cbc,
            DigestAlgorithm = capabilities.Sha256 ? Sha256 : Sha1,
            SigningTime = DateTimeOffset.UtcNow,
        });

        var response = capabilities.PostPkiOperation
            ? await SendAsync(
                ScepTransport.PKIOperation,
                DeviceConnection.Request(HttpMethod.Post, Url(scep.Url, ScepTransport.PKIOperation, null), request.Message, ScepTransport.PkiMessageContentType),
                cancellationToken).ConfigureAwait(false)
            : await SendAsync(
                ScepTransport.PKIOperation,
                DeviceConnection.Request(HttpMethod.Get, Url(scep.Url, ScepTransport.PKIOperation, Convert.ToBase64String(request.Message))),
                cancellationToken).ConfigureAwait(false);

        var certRep = ReadCertRep(response.Body, recipient, signer);
        if (certRep.TransactionId != request.TransactionId || !certRep.RecipientNonce.AsSpan().SequenceEqual(request.SenderNonce))
        {
            throw new EnrollmentException("The CertRep answers another transaction (transactionID or recipientNonce differ).");
        }

        if (certRep.Status != ScepPkiStatus.Success)
        {
            throw new EnrollmentException($"The SCEP server answered {certRep.Status} ({certRep.FailInfo?.ToString() ?? "no failInfo"}) to the {type}.");
        }

        var publicKey = key.ExportSubjectPublicKeyInfo();
        var issued = certRep.Certificates.FirstOrDefault(certificate => certificate.PublicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(publicKey))
            ?? throw new EnrollmentException("The CertRep holds no certificate for the device's key.");
        return new ScepIdentity(WithPrivateKey(issued, key), ca);
    }

    private async Task<ScepCapabilities> GetCapabilitiesAsync(ScepPayloadSettings scep, CancellationToken cancellationToken)
    {
        var response = await SendAsync(
            ScepTransport.GetCACaps, DeviceConnection.Request(HttpMethod.Get, Url(scep.Url, ScepTransport.GetCACaps, scep.Name)), cancellationToken)
            .ConfigureAwait(false);
        return ScepCapabilities.Parse(Encoding.UTF8.GetString(response.Body));
    }

    /// <summary>The certificate to encrypt to and expect CertReps from (an RA when the server has one), and the CA.</summary>
    private async Task<(X509Certificate2 Recipient, X509Certificate2 Ca)> GetCaCertificatesAsync(ScepPayloadSettings scep, CancellationToken cancellationToken)
    {
        var response = await SendAsync(
            ScepTransport.GetCACert, DeviceConnection.Request(HttpMethod.Get, Url(scep.Url, ScepTransport.GetCACert, scep.Name)), cancellationToken)
            .ConfigureAwait(false);
        X509Certificate2[] certificates;
        try
        {
            certificates = response.ContentType == CaAndRaContentType ? DegenerateSignedData(response.Body) : [X509CertificateLoader.LoadCertificate(response.Body)];
        }
        catch (CryptographicException e)
        {
            throw new EnrollmentException($"GetCACert returned no readable certificate: {e.Message}", e);
        }

        var ca = certificates.FirstOrDefault(IsCertificateAuthority) ?? certificates.FirstOrDefault()
            ?? throw new EnrollmentException("GetCACert returned no certificate.");
        if (scep.CAFingerprint is { } fingerprint && !certificates.Any(certificate => Matches(certificate, fingerprint)))
        {
            throw new EnrollmentException("No certificate from GetCACert matches the profile's CAFingerprint.");
        }

        var recipient = certificates.FirstOrDefault(certificate => !IsCertificateAuthority(certificate)) ?? ca;
        return (recipient, ca);
    }

    private async Task<DeviceHttpResponse> SendAsync(string operation, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var kind = $"scep:{operation}";
        using (request)
        {
            var response = await connection.SendAsync(kind, request, cancellationToken).ConfigureAwait(false);
            return response.IsSuccess ? response : throw new MdmServerException(kind, response.StatusCode, response.Body);
        }
    }

    private static ScepCertRep ReadCertRep(byte[] body, X509Certificate2 recipient, SigningIdentity signer)
    {
        try
        {
            return ScepClientMessages.ReadCertRep(body, recipient, signer);
        }
        catch (Exception e) when (e is ScepException or CryptographicException)
        {
            throw new EnrollmentException($"The PKIOperation answer is not a CertRep the device can read: {e.Message}", e);
        }
    }

    private static X509Certificate2[] DegenerateSignedData(byte[] body)
    {
        var signedData = new SignedCms();
        signedData.Decode(body);
        return [.. signedData.Certificates];
    }

    private static bool IsCertificateAuthority(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509BasicConstraintsExtension>().Any(constraints => constraints.CertificateAuthority);

    private static bool Matches(X509Certificate2 certificate, byte[] fingerprint) => fingerprint.Length switch
    {
        32 => SHA256.HashData(certificate.RawData).AsSpan().SequenceEqual(fingerprint),
        20 => SHA1.HashData(certificate.RawData).AsSpan().SequenceEqual(fingerprint),
        _ => false,
    };

    /// <summary>Through PKCS#12 and back, so that TLS on every platform can use the key for client authentication.</summary>
    private static X509Certificate2 WithPrivateKey(X509Certificate2 certificate, RSA key)
    {
        using var withKey = certificate.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), password: null);
    }

    private static Uri Url(Uri scepUrl, string operation, string? message)
    {
        var query = $"{ScepTransport.OperationParameter}={operation}";
        if (message is not null)
        {
            query += $"&{ScepTransport.MessageParameter}={Uri.EscapeDataString(message)}";
        }

        var builder = new UriBuilder(scepUrl);
        builder.Query = builder.Query.Length > 1 ? $"{builder.Query[1..]}&{query}" : query;
        return builder.Uri;
    }
}
