using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SaaSMdm.Rpc.Server;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Edge.Tests.Devices;

/// <summary>A <see cref="RecordingDeviceGateway"/> served over gRPC (h2c) by a real Kestrel server on 127.0.0.1.</summary>
public sealed class StubCore : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StubCore(WebApplication app, RecordingDeviceGateway gateway)
    {
        _app = app;
        Gateway = gateway;
        GrpcAddress = BoundAddresses.Of(app)[0];
    }

    public RecordingDeviceGateway Gateway { get; }

    public Uri GrpcAddress { get; }

    public static async Task<StubCore> StartAsync(IReadOnlyDictionary<string, string> tenantIdsBySlug)
    {
        var gateway = new RecordingDeviceGateway(tenantIdsBySlug);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenGrpc(new Uri("http://127.0.0.1:0")));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(gateway);
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<RecordingDeviceGateway>();
        await app.StartAsync();
        return new StubCore(app, gateway);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
