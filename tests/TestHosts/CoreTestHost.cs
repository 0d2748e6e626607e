using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SaaSMdm.Contracts.Gateway;
using SaaSMdm.Contracts.Internal.V1;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Hosting;
using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.Interceptors;
using SaaSMdm.TestSupport;
using TenantsClient = SaaSMdm.Contracts.V1.Tenants.TenantsClient;

namespace SaaSMdm.TestHosts;

/// <summary>Core as it runs in production, on real Kestrel endpoints on 127.0.0.1, over a test database.</summary>
public sealed class CoreTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CoreTestHost(WebApplication app, CapturingLoggerProvider logs)
    {
        _app = app;
        Logs = logs;
        // CoreApp configures gRPC first, then plain HTTP.
        var addresses = BoundAddresses.Of(app);
        GrpcAddress = addresses[0];
        HttpAddress = addresses[1];
        Channel = TestSecrets.OperatorChannel(GrpcAddress, HttpAddress);
    }

    public Uri GrpcAddress { get; }

    public Uri HttpAddress { get; }

    /// <summary>A channel whose calls carry the bootstrap operator client's access tokens.</summary>
    public GrpcChannel Channel { get; }

    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => _app.Services;

    public TenantsClient Tenants => new(Channel.CreateCallInvoker());

    /// <summary>A gateway client that presents the gateway secret, as Edge does.</summary>
    public DeviceGateway.DeviceGatewayClient Gateway =>
        new(Channel.CreateCallInvoker().Intercept(metadata => metadata.Add(GatewayCredentials.MetadataKey, TestSecrets.GatewaySecret)));

    public static async Task<CoreTestHost> StartAsync(TestDatabase database, IDictionary<string, string?>? settings = null)
    {
        var logs = new CapturingLoggerProvider();
        var configuration = new Dictionary<string, string?>
        {
            ["Core:GrpcUrl"] = "http://127.0.0.1:0",
            ["Core:HttpUrl"] = "http://127.0.0.1:0",
            ["Database:Provider"] = database.Provider.ToString(),
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Database:DataDirectory"] = database.DataDirectory,
            ["Gateway:SharedSecret"] = TestSecrets.GatewaySecret,
        };
        foreach (var (key, value) in TestSecrets.BootstrapSettings)
        {
            configuration[key] = value;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var app = CoreApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(configuration);
            builder.Logging.ClearProviders().AddProvider(logs);
        });
        await CoreApp.PrepareAsync(app);
        await app.StartAsync();
        return new CoreTestHost(app, logs);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
