using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.Server;
using SaaSMdm.Rpc.TestService;
using SaaSMdm.TestSupport;

namespace SaaSMdm.Rpc.Tests;

/// <summary>The test service on a real Kestrel server on 127.0.0.1: an h2c endpoint and, optionally, a TLS one.</summary>
public sealed class TestGrpcServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestGrpcServer(WebApplication app, CapturingLoggerProvider logs, X509Certificate2? certificate)
    {
        _app = app;
        Logs = logs;
        Certificate = certificate;
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        H2cAddress = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)));
        TlsAddress = addresses.Where(a => a.StartsWith("https://", StringComparison.Ordinal)).Select(a => new Uri(a)).FirstOrDefault();
    }

    public Uri H2cAddress { get; }

    public Uri? TlsAddress { get; }

    public X509Certificate2? Certificate { get; }

    public CapturingLoggerProvider Logs { get; }

    public TestServiceState State => _app.Services.GetRequiredService<TestServiceState>();

    public static async Task<TestGrpcServer> StartAsync(
        Action<GrpcServiceOptions>? configure = null, bool tls = false, Action<IServiceCollection>? services = null)
    {
        var logs = new CapturingLoggerProvider();
        var certificate = tls ? TestCertificates.CreateLoopbackServerCertificate() : null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton<TestServiceState>();
        builder.Services.AddGrpc(configure);
        services?.Invoke(builder.Services);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ListenGrpc(new Uri("http://127.0.0.1:0"));
            if (certificate is not null)
            {
                kestrel.ListenGrpc(new Uri("https://127.0.0.1:0"), certificate);
            }
        });

        var app = builder.Build();
        app.MapGrpcService<TestServiceImpl>();
        await app.StartAsync();
        return new TestGrpcServer(app, logs, certificate);
    }

    public GrpcChannel CreateChannel(GrpcChannelOptions? options = null) => GrpcChannel.ForAddress(H2cAddress, options);

    public TestServiceDefinition.TestServiceClient CreateClient(GrpcChannel channel) => new(channel.CreateCallInvoker());

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
