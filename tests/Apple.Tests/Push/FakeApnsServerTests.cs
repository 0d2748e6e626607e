using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using SaaSMdm.AppleFakes;
using SaaSMdm.AppleFakes.Apns;

namespace SaaSMdm.Apple.Tests.Push;

/// <summary>The fake must refuse what APNs refuses, or client tests prove nothing.</summary>
[Collection(PushCollection.Name)]
public sealed class FakeApnsServerTests(PushCertificates certificates)
{
    private const string Token = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    [Theory]
    [InlineData("GET", "/3/device/" + Token, "mdm", null, "{\"mdm\":\"m\"}", 405, "MethodNotAllowed")]
    [InlineData("POST", "/2/device/" + Token, "mdm", null, "{\"mdm\":\"m\"}", 404, "BadPath")]
    [InlineData("POST", "/3/device/xyz1", "mdm", null, "{\"mdm\":\"m\"}", 400, "BadDeviceToken")]
    [InlineData("POST", "/3/device/" + Token, "alert", null, "{\"mdm\":\"m\"}", 400, "InvalidPushType")]
    [InlineData("POST", "/3/device/" + Token, "mdm", "com.apple.mgmt.External.someone-else", "{\"mdm\":\"m\"}", 400, "TopicDisallowed")]
    [InlineData("POST", "/3/device/" + Token, "mdm", null, "", 400, "PayloadEmpty")]
    [InlineData("POST", "/3/device/" + Token, "mdm", null, "{\"aps\":{}}", 400, "BadPayload")]
    [InlineData("POST", "/3/device/" + Token, "mdm", null, "{\"mdm\":", 400, "BadPayload")]
    public async Task Requests_apns_would_refuse_are_refused_and_not_recorded(
        string method, string path, string pushType, string? topic, string body, int status, string reason)
    {
        await using var server = await FakeApnsServer.StartAsync();
        using var http = CreateHttpClient(server, certificates.PushCertificate);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(server.BaseAddress, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("apns-push-type", pushType);
        if (topic is not null)
        {
            request.Headers.Add("apns-topic", topic);
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains($"\"reason\":\"{reason}\"", await response.Content.ReadAsStringAsync());
        Assert.Empty(server.ReceivedPushes);
    }

    [Fact]
    public async Task Payload_over_four_kilobytes_is_too_large()
    {
        await using var server = await FakeApnsServer.StartAsync();
        using var http = CreateHttpClient(server, certificates.PushCertificate);
        using var request = Post(server, $"{{\"mdm\":\"{new string('x', 4096)}\"}}");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Client_without_a_certificate_is_refused()
    {
        await using var server = await FakeApnsServer.StartAsync();
        using var http = CreateHttpClient(server, clientCertificate: null);
        using var request = Post(server, "{\"mdm\":\"m\"}");

        await Assert.ThrowsAsync<HttpRequestException>(() => http.SendAsync(request));
        Assert.Empty(server.ReceivedPushes);
    }

    [Fact]
    public async Task Required_issuer_refuses_client_certificates_of_other_cas()
    {
        using var otherAuthority = FakeCertificateAuthority.Create("Not Apple");
        using var foreign = otherAuthority.IssuePushCertificate(certificates.Topic);
        await using var server = await FakeApnsServer.StartAsync(new FakeApnsServerOptions
        {
            RequiredClientIssuer = certificates.Authority.PublicCertificate(),
        });
        using var trusted = CreateHttpClient(server, certificates.PushCertificate);
        using var untrusted = CreateHttpClient(server, foreign);

        using var accepted = await trusted.SendAsync(Post(server, "{\"mdm\":\"m\"}"));
        await Assert.ThrowsAsync<HttpRequestException>(() => untrusted.SendAsync(Post(server, "{\"mdm\":\"m\"}")));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Single(server.ReceivedPushes);
    }

    [Fact]
    public async Task Waiting_for_more_pushes_than_arrive_times_out_with_the_count()
    {
        await using var server = await FakeApnsServer.StartAsync();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => server.WaitForPushesAsync(1, TimeSpan.FromMilliseconds(50)));

        Assert.Contains("received 0", error.Message);
    }

    private static HttpRequestMessage Post(FakeApnsServer server, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseAddress, "3/device/" + Token))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("apns-push-type", "mdm");
        return request;
    }

    private static HttpClient CreateHttpClient(FakeApnsServer server, X509Certificate2? clientCertificate)
    {
        var trust = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        trust.CustomTrustStore.Add(server.CertificateAuthority.PublicCertificate());
        var tls = new SslClientAuthenticationOptions { CertificateChainPolicy = trust };
        if (clientCertificate is not null)
        {
            tls.ClientCertificateContext = SslStreamCertificateContext.Create(clientCertificate, null, offline: true);
        }

        return new HttpClient(new SocketsHttpHandler { SslOptions = tls });
    }
}
