using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SaaSMdm.Rpc.Server;
using SaaSMdm.Rpc.TestService;

namespace SaaSMdm.Rpc.Bench;

/// <summary>The server half, run in its own process so each side's allocations are counted apart.</summary>
internal static class BenchServer
{
    public static async Task RunAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TestServiceState>();
        builder.Services.AddGrpc();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenGrpc(new Uri("http://127.0.0.1:0")));
        await using var app = builder.Build();
        app.MapGrpcService<TestServiceImpl>();
        await app.StartAsync();
        Console.WriteLine(app.Urls.First());
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
    }
}
