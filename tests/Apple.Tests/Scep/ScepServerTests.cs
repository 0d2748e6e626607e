using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using FsCheck;
using FsCheck.Fluent;
using SaaSMdm.Apple.Cms;
using SaaSMdm.Apple.Scep;
using SaaSMdm.Apple.Tests.Cms;
using SaaSMdm.TestSupport;

namespace SaaSMdm.Apple.Tests.Scep;

public sealed class ScepServerTests(ScepCaFixture ca) : IClassFixture<ScepCaFixture>
{
    private const string Challenge = "s3cret-challenge";
    private static readonly X500DistinguishedName Subject = new("CN=device-42, O=SaaSMdm Tests");

    private readonly FixedTimeProvider _clock = new(TestPki.Now);

    [Fact]
    public void GetCACaps_advertises_exactly_what_the_server_does()
    {
        var (server, _) = ca.CreateServer(Challenge);

        Assert.Equal(
            ["AES", "POSTPKIOperation", "Renewal", "SCEPStandard", "SHA-256"],
            ScepServer.GetCACaps().Split('\n').Order());
    }

    [Fact]
    public void GetCACert_returns_the_ca_certificate_alone()
    {
        var (server, _) = ca.CreateServer(Challenge);

        var answer = server.GetCACert();

        Assert.Equal(ca.Certificate.RawData, answer.Body);
        Assert.Equal("application/x-x509-ca-cert", answer.ContentType);
    }

    [Theory]
    [InlineData("2.16.840.1.101.3.4.1.2")]
    [InlineData("2.16.840.1.101.3.4.1.42")]
    public async Task A_PKCSReq_with_the_right_challenge_is_answered_with_a_certificate_for_the_csr(string cipher)
    {
        var (server, seen) = ca.CreateServer(Challenge, _clock);
        var signer = SelfSignedSigner();
        var request = PkcsReq(Challenge, signer, new ScepClientRequestOptions { ContentEncryptionAlgorithm = cipher });

        var response = await SendAsync(server, request.Message);

        Assert.Equal(ScepPkiStatus.Success, response.Status);
        Assert.Equal("application/x-pki-message", response.ContentType);
        var certRep = ScepClientMessages.ReadCertRep(response.Body, ca.Certificate, signer);
        Assert.Equal(ScepPkiStatus.Success, certRep.Status);
        Assert.Equal(request.TransactionId, certRep.TransactionId);
        Assert.Equal(request.SenderNonce, certRep.RecipientNonce);
        Assert.Equal(16, certRep.SenderNonce.Length);
        Assert.NotEqual(request.SenderNonce, certRep.SenderNonce);
        var issued = Assert.Single(certRep.Certificates);
        Assert.Equal(response.IssuedCertificate!.RawData, issued.RawData);
        Assert.Equal(cipher, ResponseCipher(response.Body));

        Assert.Equal(Subject.RawData, issued.SubjectName.RawData);
        Assert.Equal(ca.RequesterKey.ExportSubjectPublicKeyInfo(), issued.PublicKey.ExportSubjectPublicKeyInfo());
        Assert.Equal(TestPki.Now.AddMinutes(-5).ToUnixTimeSeconds(), new DateTimeOffset(issued.NotBefore).ToUnixTimeSeconds());
        Assert.Equal(TestPki.Now.AddDays(365).ToUnixTimeSeconds(), new DateTimeOffset(issued.NotAfter).ToUnixTimeSeconds());
        var keyUsage = issued.Extensions.OfType<X509KeyUsageExtension>().Single();
        Assert.True(keyUsage.Critical);
        Assert.Equal(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, keyUsage.KeyUsages);
        var extendedUsage = issued.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single();
        Assert.Equal("1.3.6.1.5.5.7.3.2", Assert.Single(extendedUsage.EnhancedKeyUsages.Cast<Oid>()).Value);
        Assert.Empty(issued.Extensions.OfType<X509BasicConstraintsExtension>());
        Assert.True(new CertificateChainValidator(_clock).Validate(issued, ca.Certificate).IsValid);

        var context = Assert.Single(seen);
        Assert.Equal((ScepMessageType.PKCSReq, request.TransactionId, Challenge), (context.MessageType, context.TransactionId, context.ChallengePassword));
        Assert.Equal(Subject.RawData, context.Subject.RawData);
        Assert.Equal(signer.Certificate.RawData, context.SignerCertificate.RawData);
    }

    [Fact]
    public async Task Issuance_follows_the_options_and_never_outlives_the_ca()
    {
        var nearCaExpiry = new FixedTimeProvider(new DateTimeOffset(ca.Certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero).AddDays(-10));
        var serial = new byte[] { 0x01, 0x02, 0x03 };
        var (server, _) = ca.CreateServer(Challenge, nearCaExpiry, issuance: new ScepIssuanceOptions
        {
            Validity = TimeSpan.FromDays(30),
            SerialNumberFactory = () => serial,
            KeyUsage = X509KeyUsageFlags.DigitalSignature,
            ExtendedKeyUsages = [],
        });

        var response = await SendAsync(server, PkcsReq(Challenge).Message);

        var issued = response.IssuedCertificate!;
        Assert.Equal("010203", issued.SerialNumber);
        Assert.Equal(ca.Certificate.NotAfter, issued.NotAfter);
        Assert.Equal(X509KeyUsageFlags.DigitalSignature, issued.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages);
        Assert.Empty(issued.Extensions.OfType<X509EnhancedKeyUsageExtension>());
    }

    [Fact]
    public async Task A_wrong_challenge_is_refused_with_badRequest_after_the_callback_saw_it()
    {
        var (server, seen) = ca.CreateServer(Challenge, _clock);
        var signer = SelfSignedSigner();
        var request = PkcsReq("not the challenge", signer);

        var response = await SendAsync(server, request.Message);

        AssertRefused(response, ScepFailInfo.BadRequest);
        Assert.Null(response.IssuedCertificate);
        Assert.Equal("not the challenge", Assert.Single(seen).ChallengePassword);
        var certRep = ScepClientMessages.ReadCertRep(response.Body, ca.Certificate, signer);
        Assert.Equal((ScepPkiStatus.Failure, ScepFailInfo.BadRequest), (certRep.Status, certRep.FailInfo));
        Assert.Equal(request.SenderNonce, certRep.RecipientNonce);
        Assert.Empty(certRep.Certificates);
    }

    [Fact]
    public async Task A_challenge_outside_PrintableString_reaches_the_callback_intact()
    {
        const string challenge = "pa_ss wörd ✓";
        var (server, seen) = ca.CreateServer(challenge, _clock);

        var response = await SendAsync(server, PkcsReq(challenge).Message);

        Assert.Equal(ScepPkiStatus.Success, response.Status);
        Assert.Equal(challenge, Assert.Single(seen).ChallengePassword);
    }

    [Fact]
    public async Task A_PKCSReq_without_challenge_is_refused_without_asking_the_callback()
    {
        var (server, seen) = ca.CreateServer(Challenge, _clock);

        var response = await SendAsync(server, PkcsReq(challenge: null).Message);

        AssertRefused(response, ScepFailInfo.BadRequest);
        Assert.Empty(seen);
    }

    [Fact]
    public async Task Openssl_verifies_a_failed_CertRep_whose_content_is_absent()
    {
        var (server, _) = ca.CreateServer(Challenge, _clock);
        var response = await SendAsync(server, PkcsReq("wrong").Message);
        using var directory = new TempDirectory();

        var verify = await ExternalTool.RunAsync(
            "openssl", "cms", "-verify", "-inform", "DER", "-in", directory.Write("certrep.der", response.Body),
            "-content", directory.Write("empty.bin", Array.Empty<byte>()),
            "-CAfile", directory.Write("ca.pem", TestPki.CertificatePem(ca.Certificate)), "-purpose", "any", "-out", directory.File("out.bin"));

        Assert.True(verify.ExitCode == 0, verify.StandardError);
    }

    [Fact]
    public async Task A_request_with_a_broken_signature_is_refused_with_badMessageCheck()
    {
        var (server, seen) = ca.CreateServer(Challenge, _clock);
        var message = PkcsReq(Challenge).Message;
        message[^1] ^= 0x01; // the SignerInfo's signature is the last field of the message

        AssertRefused(await SendAsync(server, message), ScepFailInfo.BadMessageCheck);
        Assert.Empty(seen);
    }

    [Fact]
    public async Task A_PKCSReq_signed_with_a_key_other_than_the_csrs_is_refused_with_badMessageCheck()
    {
        var (server, _) = ca.CreateServer(Challenge, _clock);
        var stranger = SigningIdentity.FromCertificate(TestPki.Issue(ca.Certificate, "stranger", TestKeyType.Rsa2048));

        var response = await SendAsync(server, PkcsReq(Challenge, stranger).Message);

        AssertRefused(response, ScepFailInfo.BadMessageCheck);
    }

    [Fact]
    public async Task A_csr_whose_self_signature_fails_is_refused_with_badRequest()
    {
        var (server, seen) = ca.CreateServer(Challenge, _clock);
        var csr = ScepClientMessages.CreateSigningRequest(Subject, ca.RequesterKey, Challenge);
        csr[^1] ^= 0x01;

        var response = await SendAsync(server, Request(ScepMessageType.PKCSReq, csr, SelfSignedSigner()).Message);

        AssertRefused(response, ScepFailInfo.BadRequest);
        Assert.Empty(seen);
    }

    [Fact]
    public async Task An_envelope_that_is_not_a_csr_is_refused_with_badRequest()
    {
        var (server, _) = ca.CreateServer(Challenge, _clock);

        var options = new ScepClientRequestOptions { TransactionId = "tx" };
        var response = await SendAsync(server, Request(ScepMessageType.PKCSReq, "not a CSR"u8.ToArray(), SelfSignedSigner(), options).Message);

        AssertRefused(response, ScepFailInfo.BadRequest);
    }

    [Theory]
    [InlineData(-120, ScepPkiStatus.Failure)]
    [InlineData(-10, ScepPkiStatus.Success)]
    [InlineData(10, ScepPkiStatus.Success)]
    [InlineData(120, ScepPkiStatus.Failure)]
    public async Task A_signing_time_more_than_an_hour_off_is_refused_with_badTime(int minutesOff, ScepPkiStatus expected)
    {
        var (server, _) = ca.CreateServer(Challenge, _clock);
        var options = new ScepClientRequestOptions { SigningTime = TestPki.Now.AddMinutes(minutesOff) };

        var response = await SendAsync(server, PkcsReq(Challenge, options: options).Message);

        Assert.Equal(expected, response.Status);
        Assert.Equal(expected == ScepPkiStatus.Failure ? ScepFailInfo.BadTime : null, response.FailInfo);
    }

    [Theory]
    [InlineData("1.3.14.3.2.26")]
    [InlineData("2.16.840.1.101.3.4.2.3")]
    public async Task Requests_signed_with_sha1_or_sha512_are_accepted(string digest)
    {
        var (server, _) = ca.CreateServer(Challenge, _clock);

        var response = await SendAsync(server, PkcsReq(Challenge, options: new ScepClientRequestOptions { DigestAlgorithm = digest }).Message);

        Assert.Equal(ScepPkiStatus.Success, response.Status);
    }

    [Theory]
    [InlineData("1.2.840.113549.3.7")]
    [InlineData("1.3.14.3.2.7")]
    public async Task Des_envelopes_are_refused_with_badAlg_unless_legacy_encryption_is_accepted(string cipher)
    {
        var options = new ScepClientRequestOptions { ContentEncryptionAlgorithm = cipher };
        var (strict, _) = ca.CreateServer(Challenge, _clock);
        var (lenient, _) = ca.CreateServer(Challenge, _clock, acceptLegacyDesEncryption: true);

        AssertRefused(await SendAsync(strict, PkcsReq(Challenge, options: options).Message), ScepFailInfo.BadAlg);
        var granted = await SendAsync(lenient, PkcsReq(Challenge, options: options).Message);

        Assert.Equal(ScepPkiStatus.Success, granted.Status);
        Assert.Equal("2.16.840.1.101.3.4.1.42", ResponseCipher(granted.Body));
    }

    [Fact]
    public async Task An_envelope_addressed_to_someone_else_is_refused_with_badMessageCheck()
    {
        var (server, _) = ca.CreateServer(Challenge, _clock);
        var signer = SelfSignedSigner();
        var csr = ScepClientMessages.CreateSigningRequest(Subject, ca.RequesterKey, Challenge);
        var misaddressed = ScepClientMessages.CreateRequest(ScepMessageType.PKCSReq, csr, signer, signer.Certificate);

        AssertRefused(await SendAsync(server, misaddressed.Message), ScepFailInfo.BadMessageCheck);
    }

    [Fact]
    public async Task An_ecdsa_signer_is_refused_with_badAlg_because_the_answer_needs_rsa_key_transport()
    {
        var (server, _) = ca.CreateServer(Challenge, _clock);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(Subject, key, HashAlgorithmName.SHA256);
        var signer = new SigningIdentity(request.CreateSelfSigned(TestPki.Now.AddDays(-1), TestPki.Now.AddDays(1)), key);

        var response = await SendAsync(server, Request(ScepMessageType.PKCSReq, request.CreateSigningRequest(), signer).Message);

        AssertRefused(response, ScepFailInfo.BadAlg);
    }

    [Fact]
    public async Task Message_types_other_than_PKCSReq_and_RenewalReq_are_refused_with_badRequest()
    {
        var (server, _) = ca.CreateServer(Challenge, _clock);
        var getCrl = new ScepMessageAttributes(ScepMessageType.GetCRL, "tx-1", RandomNumberGenerator.GetBytes(16));
        var message = ScepSignedMessage.Encode("ignored"u8.ToArray(), getCrl, SelfSignedSigner(), new Oid(CmsOids.Sha256));

        var response = await SendAsync(server, message);

        AssertRefused(response, ScepFailInfo.BadRequest);
        Assert.Equal(ScepMessageType.GetCRL, response.RequestType);
        Assert.Equal("tx-1", response.TransactionId);
    }

    [Fact]
    public async Task A_RenewalReq_signed_with_a_valid_certificate_of_this_ca_is_granted_without_challenge()
    {
        var (server, seen) = ca.CreateServer(Challenge, _clock);
        var current = await EnrollAsync(server);
        var csr = ScepClientMessages.CreateSigningRequest(Subject, ca.RequesterKey, challengePassword: null);

        var response = await SendAsync(server, Request(ScepMessageType.RenewalReq, csr, current).Message);

        Assert.Equal(ScepPkiStatus.Success, response.Status);
        var renewed = Assert.Single(ScepClientMessages.ReadCertRep(response.Body, ca.Certificate, current).Certificates);
        Assert.NotEqual(current.Certificate.SerialNumber, renewed.SerialNumber);
        var renewal = seen.Last();
        Assert.True(renewal.IsRenewal);
        Assert.Null(renewal.ChallengePassword);
        Assert.Equal(current.Certificate.RawData, renewal.SignerCertificate.RawData);
    }

    [Fact]
    public async Task A_RenewalReq_refused_by_the_callback_fails_with_badRequest()
    {
        var (server, _) = ca.CreateServer(Challenge, _clock, grantRenewals: false);
        var current = await EnrollAsync(server);
        var csr = ScepClientMessages.CreateSigningRequest(Subject, ca.RequesterKey, challengePassword: null);

        var response = await SendAsync(server, Request(ScepMessageType.RenewalReq, csr, current).Message);

        AssertRefused(response, ScepFailInfo.BadRequest);
    }

    [Fact]
    public async Task A_RenewalReq_signed_with_a_certificate_not_from_this_ca_is_refused_with_badMessageCheck()
    {
        var (server, seen) = ca.CreateServer(Challenge, _clock);
        var csr = ScepClientMessages.CreateSigningRequest(Subject, ca.RequesterKey, challengePassword: null);

        var response = await SendAsync(server, Request(ScepMessageType.RenewalReq, csr, SelfSignedSigner()).Message);

        AssertRefused(response, ScepFailInfo.BadMessageCheck);
        Assert.Empty(seen);
    }

    [Fact]
    public async Task A_RenewalReq_signed_with_an_expired_certificate_of_this_ca_is_refused_with_badMessageCheck()
    {
        var (enrolling, _) = ca.CreateServer(Challenge, _clock);
        var current = await EnrollAsync(enrolling);
        var (later, _) = ca.CreateServer(Challenge, new FixedTimeProvider(TestPki.Now.AddDays(400)));
        var csr = ScepClientMessages.CreateSigningRequest(Subject, ca.RequesterKey, challengePassword: null);

        var response = await SendAsync(later, Request(ScepMessageType.RenewalReq, csr, current).Message);

        AssertRefused(response, ScepFailInfo.BadMessageCheck);
    }

    [Fact]
    public async Task Unanswerable_messages_raise_ScepException()
    {
        var (server, _) = ca.CreateServer(Challenge, _clock);
        var signedWithoutScepAttributes = new ProfileSigner(ca.Identity).Sign("plain"u8);

        foreach (var message in new[] { [], "garbage"u8.ToArray(), RandomNumberGenerator.GetBytes(300), signedWithoutScepAttributes })
        {
            await Assert.ThrowsAsync<ScepException>(() => SendAsync(server, message));
        }
    }

    [Fact]
    public async Task A_message_over_the_size_limit_raises_ScepException_before_parsing()
    {
        var server = new ScepServer(new ScepServerOptions
        {
            CertificateAuthority = ca.Identity,
            ValidateChallenge = (_, _) => ValueTask.FromResult(true),
            MaxMessageSize = 1024,
        });

        await Assert.ThrowsAsync<ScepException>(() => SendAsync(server, new byte[1025]));
    }

    [Fact]
    public void A_ca_without_an_rsa_key_is_refused_at_construction()
    {
        using var ecdsaCa = TestPki.CreateRoot("ECDSA CA", TestKeyType.EcdsaP256);

        Assert.Throws<ArgumentException>(() => new ScepServer(new ScepServerOptions
        {
            CertificateAuthority = SigningIdentity.FromCertificate(ecdsaCa),
            ValidateChallenge = (_, _) => ValueTask.FromResult(true),
        }));
    }

    [Fact]
    public void Corrupted_requests_are_answered_or_raise_ScepException_and_nothing_else()
    {
        var (server, _) = ca.CreateServer(Challenge, _clock);
        var message = PkcsReq(Challenge).Message;
        var corruptions = Gen.Zip(Gen.Choose(0, message.Length - 1), Gen.Choose(1, 255)).ToArbitrary();

        Prop.ForAll(corruptions, corruption =>
        {
            var corrupted = message.ToArray();
            corrupted[corruption.Item1] ^= (byte)corruption.Item2;
            try
            {
                SendAsync(server, corrupted).GetAwaiter().GetResult();
            }
            catch (ScepException)
            {
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    [Fact]
    public void Corrupted_csrs_and_envelopes_inside_well_signed_requests_are_answered_and_nothing_else()
    {
        var (server, _) = ca.CreateServer(Challenge, _clock);
        var signer = SelfSignedSigner();
        var csr = ScepClientMessages.CreateSigningRequest(Subject, ca.RequesterKey, Challenge);
        var envelope = ScepEnvelope.Encrypt(csr, ca.Certificate, "2.16.840.1.101.3.4.1.42");
        var corruptions = Gen.Zip(Gen.Elements(true, false), Gen.Zip(Gen.Choose(0, 4096), Gen.Choose(1, 255))).ToArbitrary();

        Prop.ForAll(corruptions, corruption =>
        {
            var (inCsr, (position, mask)) = corruption;
            var target = (inCsr ? csr : envelope).ToArray();
            target[position % target.Length] ^= (byte)mask;
            var content = inCsr ? ScepEnvelope.Encrypt(target, ca.Certificate, "2.16.840.1.101.3.4.1.42") : target;
            var attributes = new ScepMessageAttributes(ScepMessageType.PKCSReq, "tx", RandomNumberGenerator.GetBytes(16));
            var message = ScepSignedMessage.Encode(content, attributes, signer, new Oid(CmsOids.Sha256));

            SendAsync(server, message).GetAwaiter().GetResult();
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(150));
    }

    private static Task<ScepPkiResponse> SendAsync(ScepServer server, byte[] message) =>
        server.HandlePkiOperationAsync(message, CancellationToken.None);

    private SigningIdentity SelfSignedSigner() => ScepClientMessages.CreateSelfSignedSigner(Subject, ca.RequesterKey, _clock);

    private ScepClientRequest PkcsReq(string? challenge, SigningIdentity? signer = null, ScepClientRequestOptions? options = null)
    {
        var csr = ScepClientMessages.CreateSigningRequest(Subject, ca.RequesterKey, challenge);
        return Request(ScepMessageType.PKCSReq, csr, signer ?? SelfSignedSigner(), options);
    }

    private ScepClientRequest Request(ScepMessageType type, byte[] csr, SigningIdentity signer, ScepClientRequestOptions? options = null) =>
        ScepClientMessages.CreateRequest(type, csr, signer, ca.Certificate, options);

    /// <summary>Runs a PKCSReq and returns the issued certificate with the requester's key, ready to sign a renewal.</summary>
    private async Task<SigningIdentity> EnrollAsync(ScepServer server)
    {
        var signer = SelfSignedSigner();
        var response = await SendAsync(server, PkcsReq(Challenge, signer).Message);
        var issued = Assert.Single(ScepClientMessages.ReadCertRep(response.Body, ca.Certificate, signer).Certificates);
        return new SigningIdentity(issued, ca.RequesterKey);
    }

    private static void AssertRefused(ScepPkiResponse response, ScepFailInfo expected)
    {
        Assert.Equal(ScepPkiStatus.Failure, response.Status);
        Assert.True(expected == response.FailInfo, $"expected {expected}, got {response.FailInfo}: {response.FailureReason}");
        Assert.False(string.IsNullOrEmpty(response.FailureReason));
    }

    private static string? ResponseCipher(byte[] certRep)
    {
        var signedCms = new SignedCms();
        signedCms.Decode(certRep);
        var envelope = new EnvelopedCms();
        envelope.Decode(signedCms.ContentInfo.Content);
        return envelope.ContentEncryptionAlgorithm.Oid.Value;
    }
}
