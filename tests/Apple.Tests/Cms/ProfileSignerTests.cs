using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using SaaSMdm.Apple.Cms;
using SaaSMdm.TestSupport;

namespace SaaSMdm.Apple.Tests.Cms;

public sealed class ProfileSignerTests
{
    private static readonly byte[] Profile = Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\"><dict><key>PayloadType</key>" +
        "<string>Configuration</string><key>PayloadDisplayName</key><string>Enrollment \u00e9</string></dict></plist>\n");

    [Theory]
    [InlineData(TestKeyType.Rsa2048)]
    [InlineData(TestKeyType.EcdsaP256)]
    public async Task Openssl_verifies_our_signature_and_chains_it_to_the_root(TestKeyType keyType)
    {
        using var root = TestPki.CreateRoot("Profile Root", keyType);
        using var intermediate = TestPki.Issue(root, "Profile Intermediate", keyType, isCa: true);
        using var signer = TestPki.Issue(intermediate, "Profile Signer", keyType);
        var signed = new ProfileSigner(TestPki.Identity(signer), [intermediate]).Sign(Profile);

        using var directory = new TempDirectory();
        var input = directory.Write("profile.der", signed);
        var output = directory.File("content.bin");

        (await ExternalTool.RunAsync("openssl", "cms", "-verify", "-inform", "DER", "-in", input, "-noverify", "-out", output))
            .EnsureSuccess();
        Assert.Equal(Profile, File.ReadAllBytes(output));

        var rootFile = directory.Write("root.pem", TestPki.CertificatePem(root));
        (await ExternalTool.RunAsync(
            "openssl", "cms", "-verify", "-inform", "DER", "-in", input, "-CAfile", rootFile, "-purpose", "any", "-out", output))
            .EnsureSuccess();
        Assert.Equal(Profile, File.ReadAllBytes(output));
    }

    [Fact]
    public async Task Openssl_refuses_our_signature_against_an_unrelated_root()
    {
        using var root = TestPki.CreateRoot("Profile Root");
        using var stranger = TestPki.CreateRoot("Stranger Root");
        using var signer = TestPki.Issue(root, "Profile Signer");
        var signed = new ProfileSigner(TestPki.Identity(signer)).Sign(Profile);

        using var directory = new TempDirectory();
        var result = await ExternalTool.RunAsync(
            "openssl", "cms", "-verify", "-inform", "DER", "-in", directory.Write("profile.der", signed),
            "-CAfile", directory.Write("stranger.pem", TestPki.CertificatePem(stranger)), "-purpose", "any");

        Assert.NotEqual(0, result.ExitCode);
    }

    [Theory]
    [InlineData(TestKeyType.Rsa2048)]
    [InlineData(TestKeyType.EcdsaP256)]
    public async Task Reads_an_openssl_signed_profile(TestKeyType keyType)
    {
        using var signer = TestPki.CreateSelfSigned("Profile Signer", keyType);
        var signed = await MdmSignatureVerifierTests.OpenSslSignAsync(signer, Profile, attached: true);

        var profile = SignedProfileVerifier.Verify(signed);

        Assert.Equal(Profile, profile.Content);
        Assert.Equal(signer.RawData, profile.Signer.RawData);
    }

    [Fact]
    public void Reading_our_signature_returns_the_content_the_signer_and_the_chain()
    {
        using var root = TestPki.CreateRoot("Profile Root");
        using var intermediate = TestPki.Issue(root, "Profile Intermediate", isCa: true);
        using var signer = TestPki.Issue(intermediate, "Profile Signer");

        var profile = SignedProfileVerifier.Verify(new ProfileSigner(TestPki.Identity(signer), [intermediate]).Sign(Profile));

        Assert.Equal(Profile, profile.Content);
        Assert.Equal(signer.RawData, profile.Signer.RawData);
        Assert.Equal(
            new[] { signer.Thumbprint, intermediate.Thumbprint }.Order(),
            profile.Certificates.Select(certificate => certificate.Thumbprint).Order());
    }

    [Fact]
    public void Refuses_a_profile_altered_after_signing()
    {
        using var signer = TestPki.CreateSelfSigned("Profile Signer");
        var signed = new ProfileSigner(TestPki.Identity(signer)).Sign(Profile);
        var marker = Encoding.UTF8.GetBytes("Configuration");
        var position = signed.AsSpan().IndexOf(marker);
        Assert.True(position > 0);
        signed[position] = (byte)'X';

        var refusal = Assert.Throws<CmsSignatureException>(() => SignedProfileVerifier.Verify(signed));

        Assert.Equal(CmsSignatureFailure.BadSignature, refusal.Failure);
    }

    [Fact]
    public async Task Refuses_a_detached_signature_as_a_profile()
    {
        using var signer = TestPki.CreateSelfSigned("Profile Signer");
        var detached = await MdmSignatureVerifierTests.OpenSslSignAsync(signer, Profile, attached: false);

        var refusal = Assert.Throws<CmsSignatureException>(() => SignedProfileVerifier.Verify(detached));

        Assert.Equal(CmsSignatureFailure.NotAttached, refusal.Failure);
    }

    [Fact]
    public void Refuses_bytes_that_are_not_cms()
    {
        var refusal = Assert.Throws<CmsSignatureException>(() => SignedProfileVerifier.Verify(Profile));

        Assert.Equal(CmsSignatureFailure.Malformed, refusal.Failure);
    }

    [Fact]
    public void A_signing_identity_refuses_a_key_that_is_not_the_certificates()
    {
        using var certificate = TestPki.CreateSelfSigned("Profile Signer");
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.Throws<ArgumentException>(() => new SigningIdentity(certificate, otherKey));
        using var publicOnly = X509CertificateLoader.LoadCertificate(certificate.RawData);
        Assert.Throws<ArgumentException>(() => SigningIdentity.FromCertificate(publicOnly));
    }
}
