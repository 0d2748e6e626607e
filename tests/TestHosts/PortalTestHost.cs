using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SaaSMdm.Portal.Hosting;
using SaaSMdm.TestSupport;

namespace SaaSMdm.TestHosts;

/// <summary>The portal on a real Kestrel endpoint on 127.0.0.1, talking to a Core.</summary>
public sealed class PortalTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PortalTestHost(WebApplication app, CapturingLoggerProvider logs)
    {
        _app = app;
        Logs = logs;
        Address = BoundAddresses.Of(app)[0];
    }

    public Uri Address { get; }

    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="coreHttpAddress">Core's HTTP address, where the portal signs people in.</param>
    /// <param name="edgeAddress">The Edge the portal sends devices to; a placeholder when the test has none.</param>
    /// <param name="settings">Portal settings added to or replacing the test defaults.</param>
    public static async Task<PortalTestHost> StartAsync(
        Uri coreGrpcAddress, Uri coreHttpAddress, string environment = "Development", Uri? edgeAddress = null, IDictionary<string, string?>? settings = null)
    {
        var logs = new CapturingLoggerProvider();
        var app = PortalApp.Build(["--environment", environment], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Portal:Url"] = "http://127.0.0.1:0",
                ["Portal:CoreUrl"] = coreGrpcAddress.ToString(),
                ["Portal:CoreHttpUrl"] = coreHttpAddress.ToString(),
                ["Portal:ClientId"] = TestSecrets.PortalClientId,
                ["Portal:ClientSecret"] = TestSecrets.PortalClientSecret,
                ["Portal:SecureCookies"] = "false",
                ["Portal:EdgeUrl"] = edgeAddress?.ToString() ?? "https://edge.example.test",
            });
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }

            builder.Logging.ClearProviders().AddProvider(logs);
        });
        await app.StartAsync();
        return new PortalTestHost(app, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
