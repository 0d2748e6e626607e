using System.Security.Cryptography.X509Certificates;
using Google.Protobuf;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using SaaSMdm.Contracts.Gateway;
using SaaSMdm.Contracts.Internal.V1;
using SaaSMdm.Edge.Devices;
using SaaSMdm.Edge.Health;
using SaaSMdm.Edge.Tenancy;
using SaaSMdm.Edge.Tls;
using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.Interceptors;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Edge.Hosting;

/// <summary>Builds the Edge host; Program and the tests share it.</summary>
public static class EdgeApp
{
    /// <summary>Configuration keys also come from environment variables prefixed <c>SAASMDM_</c> (e.g. <c>SAASMDM_Edge__CoreUrl</c>).</summary>
    public const string EnvironmentPrefix = "SAASMDM_";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);
        configure?.Invoke(builder);

        var section = builder.Configuration.GetSection(EdgeOptions.Section);
        var edge = section.Get<EdgeOptions>() ?? new EdgeOptions();
        edge.Validate();
        builder.Services.Configure<EdgeOptions>(section);
        var (certificate, developmentRoot) = ServerCertificate(edge, builder.Environment);
        var gatewaySecret = builder.Configuration["Gateway:SharedSecret"];
        if (GatewayCredentials.Validate(gatewaySecret) is { } gatewayProblem)
        {
            throw new InvalidOperationException($"{gatewayProblem} Edge and Core must share it (the same value on both).");
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(new Uri(edge.Url), listen =>
        {
            listen.Protocols = HttpProtocols.Http1AndHttp2;
            if (certificate is not null)
            {
                listen.UseHttps(new HttpsConnectionAdapterOptions
                {
                    ServerCertificate = certificate,
                    // Devices may identify with a TLS client certificate. Any certificate is let through here:
                    // Core decides whether it chains to the tenant's CA and belongs to the enrollment.
                    ClientCertificateMode = edge.TlsOffloaded ? ClientCertificateMode.NoCertificate : ClientCertificateMode.AllowCertificate,
                    ClientCertificateValidation = (_, _, _) => true,
                });
            }
        }));

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => GrpcChannel.ForAddress(edge.CoreUrl));
        builder.Services.AddSingleton(sp => new DeviceGateway.DeviceGatewayClient(sp.GetRequiredService<GrpcChannel>().CreateCallInvoker()
            .Intercept(metadata => metadata.Add(GatewayCredentials.MetadataKey, gatewaySecret!))));
        builder.Services.AddSingleton(sp => new Grpc.Health.V1.Health.HealthClient(sp.GetRequiredService<GrpcChannel>().CreateCallInvoker()));
        builder.Services.AddSingleton<TenantResolver>();
        builder.Services.AddSingleton<CoreReadiness>();
        builder.Services.AddSingleton(developmentRoot);
        builder.Services.AddDeviceEndpoints();
        builder.Services.AddProblemDetails();

        var app = builder.Build();
        // Every error answer carries a problem+json body, also for paths nothing is mapped to.
        app.UseStatusCodePages();
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", async (CoreReadiness readiness, CancellationToken ct) =>
        {
            var result = await readiness.CheckAsync(ct);
            return Results.Text(result.Reason, statusCode: result.Ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });

        var tenant = app.MapGroup($"/t/{{{TenantEndpointFilter.RouteKey}}}").AddEndpointFilter<TenantEndpointFilter>();
        tenant.MapGet("/", (HttpContext http) =>
        {
            var resolved = http.GetTenant();
            return Results.Json(new { tenant = resolved.Slug, name = resolved.DisplayName });
        });
        tenant.MapDeviceEndpoints();
        return app;
    }

    /// <summary>Edge's TLS certificate (null for plain HTTP), and the development CA that issued it when it is generated.</summary>
    private static (X509Certificate2? Certificate, DevelopmentTlsRoot DevelopmentRoot) ServerCertificate(EdgeOptions edge, IWebHostEnvironment environment)
    {
        var url = new Uri(edge.Url);
        if (url.Scheme == Uri.UriSchemeHttp)
        {
            return edge.TlsOffloaded
                ? (null, DevelopmentTlsRoot.None)
                : throw new InvalidOperationException(
                    $"Edge:Url {edge.Url} is plain HTTP. Devices need HTTPS: use an https URL, or set Edge:TlsOffloaded=true when a load balancer terminates TLS.");
        }

        if (!string.IsNullOrEmpty(edge.CertificatePath))
        {
            return (X509CertificateLoader.LoadPkcs12FromFile(edge.CertificatePath, edge.CertificatePassword), DevelopmentTlsRoot.None);
        }

        if (edge.GenerateDevelopmentCertificate ?? environment.IsDevelopment())
        {
            var hostNames = new[] { "localhost", "127.0.0.1" }.Concat(edge.HostNames);
            if (!KestrelGrpcExtensions.IsAnyAddress(url.Host))
            {
                hostNames = hostNames.Append(url.Host);
            }

            using var loggers = LoggerFactory.Create(logging => logging.AddConsole());
            var development = new DevelopmentCertificates(Path.GetFullPath(edge.DataDirectory), loggers.CreateLogger<DevelopmentCertificates>());
            var certificate = development.GetOrCreateServerCertificate(hostNames.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
            return (certificate, new DevelopmentTlsRoot(ByteString.CopyFrom(development.ReadCaCertificateDer())));
        }

        throw new InvalidOperationException(
            "Edge needs a TLS certificate: set Edge:CertificatePath (PKCS#12), or Edge:GenerateDevelopmentCertificate=true for a development CA.");
    }
}
