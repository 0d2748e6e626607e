using System.Text;
using SaaSMdm.Apple.Cms;
using SaaSMdm.TestSupport;

namespace SaaSMdm.Apple.Tests.Cms;

public sealed class MdmSignatureSignerTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\"?><plist version=\"1.0\"><dict><key>MessageType</key><string>Idle</string></dict></plist>");

    [Theory]
    [InlineData(TestKeyType.Rsa2048)]
    [InlineData(TestKeyType.EcdsaP256)]
    public void The_verifier_finds_the_signer_of_the_header_it_makes(TestKeyType keyType)
    {
        using var device = TestPki.CreateSelfSigned("device", keyType);

        var header = new MdmSignatureSigner(TestPki.Identity(device)).Sign(Body);

        using var signer = new MdmSignatureVerifier().Verify(header, Body);
        Assert.Equal(device.RawData, signer.RawData);
    }

    [Fact]
    public void The_header_signs_only_the_body_it_was_made_for()
    {
        using var device = TestPki.CreateSelfSigned("device", TestKeyType.EcdsaP256);

        var header = new MdmSignatureSigner(TestPki.Identity(device)).Sign(Body);

        var refusal = Assert.Throws<CmsSignatureException>(() => new MdmSignatureVerifier().Verify(header, Body.Append((byte)'\n').ToArray()));
        Assert.Equal(CmsSignatureFailure.BadSignature, refusal.Failure);
    }

    [Fact]
    public async Task OpenSsl_verifies_the_header_as_a_detached_signature_of_the_body()
    {
        using var device = TestPki.CreateSelfSigned("device", TestKeyType.EcdsaP256);
        var header = new MdmSignatureSigner(TestPki.Identity(device)).Sign(Body);
        using var directory = new TempDirectory();

        var result = await ExternalTool.RunAsync(
            "openssl", "cms", "-verify", "-noverify", "-binary", "-inform", "DER",
            "-in", directory.Write("signature.der", Convert.FromBase64String(header)),
            "-content", directory.Write("body.plist", Body),
            "-out", directory.File("verified.plist"));

        result.EnsureSuccess();
        Assert.Equal(Body, File.ReadAllBytes(directory.File("verified.plist")));
    }
}
