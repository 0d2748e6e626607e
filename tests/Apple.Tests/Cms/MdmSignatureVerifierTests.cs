using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using SaaSMdm.Apple.Cms;
using SaaSMdm.TestSupport;

namespace SaaSMdm.Apple.Tests.Cms;

public sealed class MdmSignatureVerifierTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\"?><plist version=\"1.0\"><dict><key>MessageType</key><string>Authenticate</string></dict></plist>");

    private readonly MdmSignatureVerifier _verifier = new();

    [Theory]
    [InlineData(TestKeyType.Rsa2048)]
    [InlineData(TestKeyType.EcdsaP256)]
    public async Task Returns_the_signer_of_an_openssl_detached_signature(TestKeyType keyType)
    {
        using var device = TestPki.CreateSelfSigned("device", keyType);

        var signature = await OpenSslSignAsync(device, Body, attached: false);
        var signer = _verifier.Verify(Convert.ToBase64String(signature), Body);

        Assert.Equal(device.RawData, signer.RawData);
    }

    [Fact]
    public async Task Accepts_base64_wrapped_over_lines_with_surrounding_whitespace()
    {
        using var device = TestPki.CreateSelfSigned("device");
        var signature = await OpenSslSignAsync(device, Body, attached: false);

        var wrapped = "  " + Convert.ToBase64String(signature, Base64FormattingOptions.InsertLineBreaks).Replace("\r\n", "\n ") + "\n";
        var signer = _verifier.Verify(wrapped, Body);

        Assert.Equal(device.RawData, signer.RawData);
    }

    [Fact]
    public async Task Refuses_a_signature_that_carries_its_content()
    {
        using var device = TestPki.CreateSelfSigned("device");
        var signature = await OpenSslSignAsync(device, Body, attached: true);

        AssertRefused(CmsSignatureFailure.NotDetached, Convert.ToBase64String(signature), Body);
    }

    [Fact]
    public async Task Refuses_a_tampered_body()
    {
        using var device = TestPki.CreateSelfSigned("device");
        var signature = await OpenSslSignAsync(device, Body, attached: false);
        var tampered = Body.ToArray();
        tampered[^10] ^= 0x20;

        AssertRefused(CmsSignatureFailure.BadSignature, Convert.ToBase64String(signature), tampered);
    }

    [Fact]
    public void Refuses_a_signature_whose_embedded_certificate_is_not_the_signers()
    {
        using var device = TestPki.CreateSelfSigned("device");
        using var other = TestPki.CreateSelfSigned("other");

        var signature = ReplaceEmbeddedCertificate(SignDetached(device, Body), device, other);

        AssertRefused(CmsSignatureFailure.SignerCertificateMissing, Convert.ToBase64String(signature), Body);
    }

    [Fact]
    public void Refuses_an_impostor_certificate_with_the_signers_issuer_and_serial_number()
    {
        using var ca = TestPki.CreateRoot("ca");
        var serial = RandomNumberGenerator.GetBytes(10);
        using var device = TestPki.Issue(ca, "device", serialNumber: serial);
        using var impostor = TestPki.Issue(ca, "device", serialNumber: serial);

        var signature = ReplaceEmbeddedCertificate(SignDetached(device, Body), device, impostor);

        AssertRefused(CmsSignatureFailure.BadSignature, Convert.ToBase64String(signature), Body);
    }

    [Fact]
    public void Refuses_two_signers()
    {
        using var first = TestPki.CreateSelfSigned("first");
        using var second = TestPki.CreateSelfSigned("second");
        var signedCms = new SignedCms(new ContentInfo(Body), detached: true);
        signedCms.ComputeSignature(TestPki.Identity(first).CreateCmsSigner(new Oid(CmsOids.Sha256)));
        signedCms.ComputeSignature(TestPki.Identity(second).CreateCmsSigner(new Oid(CmsOids.Sha256)));

        AssertRefused(CmsSignatureFailure.MultipleSigners, Convert.ToBase64String(signedCms.Encode()), Body);
    }

    [Fact]
    public async Task Refuses_a_certificate_bundle_without_signer()
    {
        using var device = TestPki.CreateSelfSigned("device");
        using var directory = new TempDirectory();
        var certificate = directory.Write("device.pem", TestPki.CertificatePem(device));
        var bundle = directory.File("bundle.der");
        (await ExternalTool.RunAsync("openssl", "crl2pkcs7", "-nocrl", "-certfile", certificate, "-outform", "DER", "-out", bundle))
            .EnsureSuccess();

        AssertRefused(CmsSignatureFailure.NoSigner, Convert.ToBase64String(File.ReadAllBytes(bundle)), Body);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n")]
    [InlineData("not base64 at all!")]
    [InlineData("aGVsbG8gd29ybGQ=")]
    [InlineData("MAA=")]
    [InlineData("MIIBCgKCAQEA")]
    public void Refuses_garbage(string headerValue) => AssertRefused(CmsSignatureFailure.Malformed, headerValue, Body);

    [Fact]
    public void Refuses_a_header_over_the_configured_size_before_decoding_it()
    {
        var verifier = new MdmSignatureVerifier(new MdmSignatureOptions { MaxHeaderLength = 100 });

        var refusal = Assert.Throws<CmsSignatureException>(() => verifier.Verify(new string('A', 101), Body));

        Assert.Equal(CmsSignatureFailure.TooLarge, refusal.Failure);
    }

    [Fact]
    public void Every_truncation_of_a_signature_is_refused_with_the_typed_exception()
    {
        using var device = TestPki.CreateSelfSigned("device");
        var signature = SignDetached(device, Body);

        for (var length = 0; length < signature.Length; length++)
        {
            Assert.Throws<CmsSignatureException>(() => _verifier.Verify(Convert.ToBase64String(signature, 0, length), Body));
        }
    }

    [Fact]
    public void Corrupted_signatures_never_escape_as_another_exception_type()
    {
        using var device = TestPki.CreateSelfSigned("device");
        var signature = SignDetached(device, Body);
        var corruptions = Gen.Zip(Gen.Choose(0, signature.Length - 1), Gen.Choose(1, 255)).ToArbitrary();

        Prop.ForAll(corruptions, corruption =>
        {
            var corrupted = signature.ToArray();
            corrupted[corruption.Item1] ^= (byte)corruption.Item2;
            try
            {
                _verifier.Verify(Convert.ToBase64String(corrupted), Body);
            }
            catch (CmsSignatureException)
            {
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    private void AssertRefused(CmsSignatureFailure expected, string headerValue, byte[] body)
    {
        var refusal = Assert.Throws<CmsSignatureException>(() => _verifier.Verify(headerValue, body));
        Assert.Equal(expected, refusal.Failure);
    }

    private static byte[] SignDetached(X509Certificate2 signer, byte[] content) =>
        Convert.FromBase64String(new MdmSignatureSigner(TestPki.Identity(signer)).Sign(content));

    private static byte[] ReplaceEmbeddedCertificate(byte[] signature, X509Certificate2 embedded, X509Certificate2 replacement)
    {
        var signedCms = new SignedCms();
        signedCms.Decode(signature);
        signedCms.RemoveCertificate(embedded);
        signedCms.AddCertificate(replacement);
        return signedCms.Encode();
    }

    internal static async Task<byte[]> OpenSslSignAsync(X509Certificate2 signer, byte[] content, bool attached)
    {
        using var directory = new TempDirectory();
        var arguments = new List<string>
        {
            "cms", "-sign", "-binary", "-outform", "DER",
            "-signer", directory.Write("signer.pem", TestPki.CertificatePem(signer)),
            "-inkey", directory.Write("signer.key", TestPki.PrivateKeyPem(signer)),
            "-in", directory.Write("content.bin", content),
            "-out", directory.File("signature.der"),
        };
        if (attached)
        {
            arguments.Add("-nodetach");
        }

        (await ExternalTool.RunAsync("openssl", [.. arguments])).EnsureSuccess();
        return File.ReadAllBytes(directory.File("signature.der"));
    }
}
