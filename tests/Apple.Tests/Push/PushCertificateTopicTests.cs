using System.Security.Cryptography.X509Certificates;
using SaaSMdm.Apple.Push;
using SaaSMdm.TestSupport;

namespace SaaSMdm.Apple.Tests.Push;

[Collection(PushCollection.Name)]
public sealed class PushCertificateTopicTests(PushCertificates certificates)
{
    [Fact]
    public void Topic_is_read_from_the_uid_attribute()
    {
        Assert.Equal(certificates.Topic, PushCertificateTopic.Read(certificates.PushCertificate));
    }

    [Fact]
    public async Task Topic_is_read_from_a_certificate_that_openssl_made()
    {
        var directory = Directory.CreateTempSubdirectory("apns-topic-");
        try
        {
            var certificatePath = Path.Combine(directory.FullName, "push.pem");
            await RunOpenSslAsync(
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-keyout", Path.Combine(directory.FullName, "push.key"), "-out", certificatePath,
                "-subj", "/UID=com.apple.mgmt.External.0f3a9d4e-7c21-4b8e-9a55-3e2d1c0b9a87/CN=APSP:0f3a9d4e/C=US");

            using var certificate = X509CertificateLoader.LoadCertificateFromFile(certificatePath);

            Assert.Equal("com.apple.mgmt.External.0f3a9d4e-7c21-4b8e-9a55-3e2d1c0b9a87", PushCertificateTopic.Read(certificate));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Certificate_without_a_uid_is_refused()
    {
        using var certificate = certificates.Authority.IssueClientCertificate(new X500DistinguishedName("CN=APSP:no-topic, C=US"));

        var error = Assert.Throws<PushCertificateException>(() => PushCertificateTopic.Read(certificate));

        Assert.Contains("UID", error.Message);
    }

    [Fact]
    public void Certificate_with_two_uids_is_refused()
    {
        var subject = new X500DistinguishedNameBuilder();
        subject.Add(PushCertificateTopic.UserIdOid, "com.apple.mgmt.External.one");
        subject.Add(PushCertificateTopic.UserIdOid, "com.apple.mgmt.External.two");
        using var certificate = certificates.Authority.IssueClientCertificate(subject.Build());

        Assert.Throws<PushCertificateException>(() => PushCertificateTopic.Read(certificate));
    }

    private static async Task RunOpenSslAsync(params string[] arguments) =>
        (await ExternalTool.RunAsync("openssl", arguments)).EnsureSuccess();
}
