using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SaaSMdm.Core.Webhooks;
using SaaSMdm.Rpc;
using SaaSMdm.TestSupport;

namespace SaaSMdm.Core.Tests.Events;

/// <summary>
/// Where webhooks may go under production settings (https, public hosts only): checked when a URL is saved and again
/// at each connection; and the signature, checked against Python's hmac as a receiver in another language would.
/// </summary>
public sealed class WebhookUrlPolicyTests(WebhookReceiver receiver) : IClassFixture<WebhookReceiver>
{
    private static readonly IOptions<WebhookOptions> Production = Options.Create(new WebhookOptions { TimeoutSeconds = 3 });

    [Theory]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://127.1.2.3:8443/hook")]
    [InlineData("https://localhost/hook")]
    [InlineData("https://10.0.0.8/hook")]
    [InlineData("https://172.20.1.1/hook")]
    [InlineData("https://192.168.1.10/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://100.64.0.1/hook")]
    [InlineData("https://0.0.0.0/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://[::ffff:127.0.0.1]/hook")]
    [InlineData("https://[fd00::1]/hook")]
    [InlineData("https://[fe80::1]/hook")]
    [InlineData("https://224.0.0.1/hook")]
    [InlineData("https://does-not-resolve.invalid/hook")]
    [InlineData("http://93.184.216.34/hook")]
    [InlineData("https://[64:ff9b::a00:1]/hook")]
    [InlineData("https://[64:ff9b::7f00:1]/hook")]
    [InlineData("https://[64:ff9b:1::5db8:d822]/hook")]
    [InlineData("https://[2002:5db8:d822::1]/hook")]
    [InlineData("https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook")]
    public async Task Hosts_that_are_not_public_and_plain_http_are_refused(string url)
    {
        var refused = await Assert.ThrowsAsync<InvalidArgumentException>(() => Policy(Production).CheckAsync(url, "url", CancellationToken.None));

        Assert.StartsWith("url", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://localhost/hook", "127.0.0.1")]
    [InlineData("https://[64:ff9b::a00:1]/hook", "10.0.0.1")]
    public async Task A_refusal_does_not_tell_the_caller_where_the_host_resolves(string url, string address)
    {
        var refused = await Assert.ThrowsAsync<InvalidArgumentException>(() => Policy(Production).CheckAsync(url, "url", CancellationToken.None));

        Assert.Equal("url: the host is not a public internet address; webhooks go to public hosts only.", refused.Status.Detail);
        Assert.DoesNotContain(address, refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_longer_than_DNS_allows_is_INVALID_ARGUMENT()
    {
        var host = string.Join('.', Enumerable.Repeat(new string('a', 62), 4)) + ".com";
        var policy = Policy(Production);

        var refused = await Assert.ThrowsAsync<InvalidArgumentException>(() => policy.CheckAsync($"https://{host}/hook", "url", CancellationToken.None));
        var atConnect = await Assert.ThrowsAsync<WebhookAddressException>(() => policy.AddressesAsync(host, CancellationToken.None));

        Assert.True(host.Length > WebhookUrlPolicy.MaxHostLength);
        Assert.Contains("at most 253", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("the host does not resolve.", atConnect.Message);
    }

    [Theory]
    [InlineData("https://93.184.216.34/hook?source=mdm")]
    [InlineData("https://[2606:4700:4700::1111]:8443/hooks/a")]
    [InlineData("https://[64:ff9b::5db8:d822]/hook")]
    public async Task Public_https_hosts_are_allowed(string url) =>
        Assert.Equal(new Uri(url), await Policy(Production).CheckAsync(url, "url", CancellationToken.None));

    [Fact]
    public async Task A_connection_to_a_host_that_now_resolves_to_a_private_address_is_refused_before_anything_is_sent()
    {
        var url = receiver.NewHook(out var name);
        var lenient = Policy(Options.Create(new WebhookOptions { AllowInsecureHttp = true, AllowPrivateNetworks = true }));
        await lenient.CheckAsync(url, "url", CancellationToken.None);
        using var http = new WebhookHttp(Policy(Production), Production);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => http.Client.PostAsync(url, new StringContent("{}")));

        Assert.IsType<WebhookAddressException>(refused.InnerException);
        Assert.Empty(receiver.For(name));
    }

    [Fact]
    public async Task The_signature_is_what_Python_s_hmac_computes_over_the_time_and_the_body()
    {
        const string Secret = "whsec_example-secret";
        var body = """{"id":"1","type":"webhook.test","data":{"note":"ünïcödé"}}""";

        var header = WebhookSignature.Of(Encoding.UTF8.GetBytes(Secret), 1_700_000_000, Encoding.UTF8.GetBytes(body));
        var python = await ExternalTool.RunAsync("python3", "-c",
            "import hmac, hashlib, sys; print(hmac.new(sys.argv[1].encode(), (sys.argv[2] + '.' + sys.argv[3]).encode(), hashlib.sha256).hexdigest())",
            Secret, "1700000000", body);

        Assert.Equal($"t=1700000000,v1={python.EnsureSuccess().StandardOutput.Trim()}", header);
    }

    private static WebhookUrlPolicy Policy(IOptions<WebhookOptions> options) => new(options, NullLogger<WebhookUrlPolicy>.Instance);

    [Theory]
    [InlineData(1, 30, 0.5, 30)]
    [InlineData(2, 30, 0.5, 60)]
    [InlineData(4, 30, 0.0, 192)]
    [InlineData(4, 30, 0.99999, 287.99)]
    [InlineData(8, 30, 0.5, 3600)]
    [InlineData(20, 30, 0.99, 3600)]
    public void Retries_wait_twice_as_long_each_time_with_jitter_and_at_most_an_hour(int failedAttempts, double baseSeconds, double jitter, double expectedSeconds) =>
        Assert.Equal(expectedSeconds, RetryBackoff.After(failedAttempts, baseSeconds, jitter).TotalSeconds, precision: 1);
}
