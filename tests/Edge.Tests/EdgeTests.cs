using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Edge.Hosting;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Edge.Tests;

/// <summary>Edge against a real Core, both on real Kestrel endpoints on 127.0.0.1.</summary>
public sealed class EdgeTests(CoreFixture<OnSqlite> core) : IClassFixture<CoreFixture<OnSqlite>>, IAsyncLifetime
{
    private EdgeTestHost _edge = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _edge = await EdgeTestHost.StartAsync(core.Host.GrpcAddress);
        _http = _edge.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _edge.DisposeAsync();
    }

    [Fact]
    public async Task Liveness_and_readiness_answer_over_https_trusted_through_the_development_CA()
    {
        Assert.Equal("ok", await _http.GetStringAsync("/healthz"));
        var ready = await _http.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Known_tenant_route_resolves_through_Core()
    {
        await core.Host.Tenants.CreateTenantAsync(new CreateTenantRequest { Slug = "edge-known", DisplayName = "Edge Known" });

        var body = await _http.GetFromJsonAsync<JsonElement>("/t/edge-known/");

        Assert.Equal("edge-known", body.GetProperty("tenant").GetString());
        Assert.Equal("Edge Known", body.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("/t/no-such-tenant/")]
    [InlineData("/t/UPPER/")]
    [InlineData("/t/ab/")]
    [InlineData("/t/x%3Cscript%3E/")]
    public async Task Unknown_or_malformed_tenant_is_a_clear_404(string path)
    {
        var response = await _http.GetAsync(path);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Unknown tenant", problem.GetProperty("title").GetString());
        Assert.DoesNotContain("<", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/nothing-here")]
    [InlineData("/t/%2e%2e/")]
    [InlineData("/t/edge-known/no-such-endpoint")]
    public async Task Unmapped_paths_are_404_with_a_problem_body(string path)
    {
        var response = await _http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Development_certificate_is_made_once_and_reused()
    {
        Assert.True(File.Exists(Path.Combine(_edge.DataDirectory, "dev-ca.crt")));
        var first = await ServerCertificateAsync(_edge.Address);

        await using var restarted = await EdgeTestHost.StartAsync(core.Host.GrpcAddress, _edge.DataDirectory);
        var second = await ServerCertificateAsync(restarted.Address);

        Assert.Equal(first.Thumbprint, second.Thumbprint);
        Assert.Contains("127.0.0.1", first.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateIPAddresses().Select(a => a.ToString()));
    }

    [Fact]
    public void Https_without_a_certificate_outside_development_fails_with_a_clear_message()
    {
        var error = Assert.Throws<InvalidOperationException>(() => EdgeApp.Build(["--environment", "Production"], builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Edge:Url"] = "https://127.0.0.1:0" })));

        Assert.Contains("Edge:CertificatePath", error.Message);
    }

    [Fact]
    public void Plain_http_needs_tls_offloading_to_be_declared()
    {
        var error = Assert.Throws<InvalidOperationException>(() => EdgeApp.Build([], builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Edge:Url"] = "http://127.0.0.1:0" })));

        Assert.Contains("TlsOffloaded", error.Message);
    }

    [Fact]
    public void Tls_offloading_needs_the_public_url_devices_use()
    {
        var error = Assert.Throws<InvalidOperationException>(() => EdgeApp.Build([], builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Edge:Url"] = "http://127.0.0.1:0",
                ["Edge:TlsOffloaded"] = "true",
            })));

        Assert.Contains("Edge:PublicUrl is required", error.Message);
    }

    [Fact]
    public async Task Behind_a_tls_offloading_load_balancer_edge_serves_plain_http()
    {
        await using var edge = await EdgeTestHost.StartAsync(core.Host.GrpcAddress, settings: new Dictionary<string, string?>
        {
            ["Edge:Url"] = "http://127.0.0.1:0",
            ["Edge:TlsOffloaded"] = "true",
            ["Edge:PublicUrl"] = "https://mdm.example.com",
        });
        using var http = new HttpClient { BaseAddress = edge.Address };

        Assert.Equal("ok", await http.GetStringAsync("/healthz"));
    }

    private static async Task<X509Certificate2> ServerCertificateAsync(Uri address)
    {
        X509Certificate2? seen = null;
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            seen = X509CertificateLoader.LoadCertificate(certificate!.GetRawCertData());
            return true;
        };
        using var http = new HttpClient(handler);
        await http.GetAsync(new Uri(address, "/healthz"));
        return seen!;
    }
}
