using System.Security.Cryptography.X509Certificates;
using SaaSMdm.Apple.Scep;
using SaaSMdm.Apple.Tests.Cms;
using SaaSMdm.TestSupport;

namespace SaaSMdm.Apple.Tests.Scep;

/// <summary>Debian's scepclient (micromdm) enrolling against our server over real HTTP.</summary>
public sealed class ScepclientInteropTests(ScepCaFixture ca) : IClassFixture<ScepCaFixture>
{
    private const string Challenge = "correct horse battery staple";

    [Fact]
    public async Task Scepclient_enrolls_and_the_certificate_chains_to_our_ca()
    {
        var (server, seen) = ca.CreateServer(Challenge, acceptLegacyDesEncryption: true);
        await using var host = await ScepTestHost.StartAsync(server);
        using var directory = new TempDirectory();

        var result = await RunScepclientAsync(host, directory, Challenge, "interop-device-1");

        result.EnsureSuccess();
        using var issued = X509CertificateLoader.LoadCertificateFromFile(directory.File("cert.pem"));
        Assert.Equal("interop-device-1", issued.GetNameInfo(X509NameType.SimpleName, forIssuer: false));
        await AssertChainsToCaAsync(directory);
        var context = Assert.Single(seen);
        Assert.Equal(ScepMessageType.PKCSReq, context.MessageType);
        Assert.Equal(Challenge, context.ChallengePassword);
    }

    [Fact]
    public async Task Scepclient_with_a_wrong_challenge_gets_no_certificate()
    {
        var (server, seen) = ca.CreateServer(Challenge, acceptLegacyDesEncryption: true);
        await using var host = await ScepTestHost.StartAsync(server);
        using var directory = new TempDirectory();

        var result = await RunScepclientAsync(host, directory, "wrong guess", "interop-device-2");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("badRequest", result.StandardError + result.StandardOutput);
        Assert.False(File.Exists(directory.File("cert.pem")));
        Assert.Equal("wrong guess", Assert.Single(seen).ChallengePassword);
    }

    [Fact]
    public async Task Scepclient_renews_with_its_issued_certificate()
    {
        var (server, seen) = ca.CreateServer(Challenge, acceptLegacyDesEncryption: true);
        await using var host = await ScepTestHost.StartAsync(server);
        using var directory = new TempDirectory();
        (await RunScepclientAsync(host, directory, Challenge, "interop-device-3")).EnsureSuccess();
        using var first = X509CertificateLoader.LoadCertificateFromFile(directory.File("cert.pem"));

        // With a certificate on disk scepclient sends a RenewalReq signed by it, without the challenge.
        (await RunScepclientAsync(host, directory, challenge: null, "interop-device-3")).EnsureSuccess();

        using var renewed = X509CertificateLoader.LoadCertificateFromFile(directory.File("cert.pem"));
        Assert.NotEqual(first.SerialNumber, renewed.SerialNumber);
        Assert.Equal(first.SubjectName.Name, renewed.SubjectName.Name);
        await AssertChainsToCaAsync(directory);
        var renewal = seen.Last();
        Assert.True(renewal.IsRenewal);
        Assert.Equal(first.RawData, renewal.SignerCertificate.RawData);
    }

    private static Task<ToolResult> RunScepclientAsync(ScepTestHost host, TempDirectory directory, string? challenge, string commonName)
    {
        var arguments = new List<string>
        {
            "-server-url", host.Url,
            "-private-key", directory.File("key.pem"),
            "-certificate", directory.File("cert.pem"),
            "-cn", commonName,
            "-keySize", "2048",
        };
        if (challenge is not null)
        {
            arguments.AddRange(["-challenge", challenge]);
        }

        return ExternalTool.RunAsync("scepclient", [.. arguments]);
    }

    private async Task AssertChainsToCaAsync(TempDirectory directory)
    {
        var caFile = directory.Write("ca.pem", TestPki.CertificatePem(ca.Certificate));
        var verify = await ExternalTool.RunAsync("openssl", "verify", "-CAfile", caFile, directory.File("cert.pem"));
        Assert.True(verify.ExitCode == 0, verify.StandardError + verify.StandardOutput);
    }
}
