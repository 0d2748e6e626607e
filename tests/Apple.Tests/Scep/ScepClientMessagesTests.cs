using System.Security.Cryptography.X509Certificates;
using SaaSMdm.Apple.Scep;
using SaaSMdm.Apple.Tests.Cms;
using SaaSMdm.TestSupport;

namespace SaaSMdm.Apple.Tests.Scep;

public sealed class ScepClientMessagesTests(ScepCaFixture ca) : IClassFixture<ScepCaFixture>
{
    private const string Challenge = "open sesame";
    private static readonly X500DistinguishedName Subject = new("CN=simulated-device");

    [Fact]
    public async Task Openssl_reads_our_csr_with_its_challenge_password()
    {
        var csr = ScepClientMessages.CreateSigningRequest(Subject, ca.RequesterKey, Challenge);
        using var directory = new TempDirectory();

        var text = (await ExternalTool.RunAsync(
            "openssl", "req", "-inform", "DER", "-in", directory.Write("csr.der", csr), "-verify", "-noout", "-text")).EnsureSuccess();

        Assert.Contains("CN = simulated-device", text.StandardOutput);
        Assert.Contains($"challengePassword        :{Challenge}", text.StandardOutput.Replace("\r", string.Empty));
    }

    [Fact]
    public async Task Openssl_verifies_our_request_and_decrypts_the_csr_with_the_ca_key()
    {
        var csr = ScepClientMessages.CreateSigningRequest(Subject, ca.RequesterKey, Challenge);
        var signer = ScepClientMessages.CreateSelfSignedSigner(Subject, ca.RequesterKey);
        var request = ScepClientMessages.CreateRequest(ScepMessageType.PKCSReq, csr, signer, ca.Certificate);
        using var directory = new TempDirectory();
        var envelope = directory.File("envelope.der");
        var decrypted = directory.File("csr.der");

        (await ExternalTool.RunAsync(
            "openssl", "cms", "-verify", "-inform", "DER", "-in", directory.Write("request.der", request.Message),
            "-noverify", "-out", envelope)).EnsureSuccess();
        (await ExternalTool.RunAsync(
            "openssl", "cms", "-decrypt", "-inform", "DER", "-in", envelope,
            "-recip", directory.Write("ca.pem", TestPki.CertificatePem(ca.Certificate)),
            "-inkey", directory.Write("ca.key", TestPki.PrivateKeyPem(ca.Certificate)), "-out", decrypted)).EnsureSuccess();

        Assert.Equal(csr, File.ReadAllBytes(decrypted));
    }

    [Fact]
    public async Task A_CertRep_signed_by_another_ca_is_rejected()
    {
        var (server, _) = ca.CreateServer(Challenge);
        var signer = ScepClientMessages.CreateSelfSignedSigner(Subject, ca.RequesterKey);
        var csr = ScepClientMessages.CreateSigningRequest(Subject, ca.RequesterKey, Challenge);
        var response = await server.HandlePkiOperationAsync(
            ScepClientMessages.CreateRequest(ScepMessageType.PKCSReq, csr, signer, ca.Certificate).Message, CancellationToken.None);
        using var otherCa = TestPki.CreateRoot("Other CA", TestKeyType.EcdsaP256);

        Assert.Throws<ScepException>(() => ScepClientMessages.ReadCertRep(response.Body, otherCa, signer));
        var tampered = response.Body.ToArray();
        tampered[^1] ^= 0x01;
        Assert.Throws<ScepException>(() => ScepClientMessages.ReadCertRep(tampered, ca.Certificate, signer));
    }

    [Fact]
    public void Only_PKCSReq_and_RenewalReq_are_built()
    {
        var signer = ScepClientMessages.CreateSelfSignedSigner(Subject, ca.RequesterKey);
        var csr = ScepClientMessages.CreateSigningRequest(Subject, ca.RequesterKey, Challenge);

        Assert.Throws<ArgumentException>(() => ScepClientMessages.CreateRequest(ScepMessageType.GetCert, csr, signer, ca.Certificate));
    }
}
