using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SaaSMdm.Apple.Scep;

namespace SaaSMdm.Apple.Tests.Scep;

/// <summary>A real Kestrel server on 127.0.0.1 exposing a <see cref="ScepServer"/> the way the Edge endpoint will.</summary>
internal sealed class ScepTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScepTestHost(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public static async Task<ScepTestHost> StartAsync(ScepServer server)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapMethods("/scep", [HttpMethods.Get, HttpMethods.Post], (HttpRequest request) => HandleAsync(server, request));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new ScepTestHost(app, $"{address}/scep");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task<IResult> HandleAsync(ScepServer server, HttpRequest request)
    {
        switch (request.Query[ScepTransport.OperationParameter].ToString())
        {
            case ScepTransport.GetCACaps:
                return Results.Text(ScepServer.GetCACaps(), ScepTransport.CapabilitiesContentType);
            case ScepTransport.GetCACert:
                var caCertificate = server.GetCACert();
                return Results.Bytes(caCertificate.Body, caCertificate.ContentType);
            case ScepTransport.PKIOperation:
                try
                {
                    var message = HttpMethods.IsPost(request.Method)
                        ? await ReadBodyAsync(request)
                        : ScepTransport.DecodeQueryMessage(request.Query[ScepTransport.MessageParameter].ToString());
                    var response = await server.HandlePkiOperationAsync(message, request.HttpContext.RequestAborted);
                    return Results.Bytes(response.Body, response.ContentType);
                }
                catch (ScepException e)
                {
                    return Results.BadRequest(e.Message);
                }

            default:
                return Results.BadRequest("unknown operation");
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        return buffer.ToArray();
    }
}
