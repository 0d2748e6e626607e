using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SaaSMdm.Edge.Hosting;
using SaaSMdm.TestSupport;

namespace SaaSMdm.TestHosts;

/// <summary>Edge on a real Kestrel HTTPS endpoint on 127.0.0.1 with its development CA in a temporary data directory.</summary>
public sealed class EdgeTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EdgeTestHost(WebApplication app, string dataDirectory, CapturingLoggerProvider logs)
    {
        _app = app;
        DataDirectory = dataDirectory;
        Logs = logs;
        Address = BoundAddresses.Of(app)[0];
    }

    public Uri Address { get; }

    public string DataDirectory { get; }

    public CapturingLoggerProvider Logs { get; }

    /// <param name="coreGrpcAddress">Core's gRPC endpoint.</param>
    /// <param name="dataDirectory">Reuse a data directory (and its development CA); a new one when null.</param>
    public static async Task<EdgeTestHost> StartAsync(Uri coreGrpcAddress, string? dataDirectory = null, IDictionary<string, string?>? settings = null)
    {
        dataDirectory ??= Directory.CreateTempSubdirectory("saasmdm-edge-").FullName;
        var logs = new CapturingLoggerProvider();
        var configuration = new Dictionary<string, string?>
        {
            ["Edge:Url"] = "https://127.0.0.1:0",
            ["Edge:CoreUrl"] = coreGrpcAddress.ToString(),
            ["Edge:DataDirectory"] = dataDirectory,
            ["Edge:GenerateDevelopmentCertificate"] = "true",
            ["Gateway:SharedSecret"] = TestSecrets.GatewaySecret,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var app = EdgeApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(configuration);
            builder.Logging.ClearProviders().AddProvider(logs);
        });
        await app.StartAsync();
        return new EdgeTestHost(app, dataDirectory, logs);
    }

    /// <summary>An HTTP client that trusts only the development CA this Edge made.</summary>
    /// <param name="clientCertificate">A TLS client certificate (with its key) to present, as an enrolled device does.</param>
    public HttpClient CreateClient(X509Certificate2? clientCertificate = null)
    {
        var ca = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(DataDirectory, Edge.Tls.DevelopmentCertificates.CaCertificateFile));
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
            {
                return false;
            }

            // Trust the development CA alone, as a device that installed it would.
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(ca);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
        };
        if (clientCertificate is not null)
        {
            handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate;
        }

        return new HttpClient(handler, disposeHandler: true) { BaseAddress = Address };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
