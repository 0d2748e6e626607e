using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using SaaSMdm.Contracts.Internal.V1;
using SaaSMdm.Core.Api;
using SaaSMdm.Core.Api.Accounts;
using SaaSMdm.Core.Api.AssetData;
using SaaSMdm.Core.Api.Audit;
using SaaSMdm.Core.Api.Commands;
using SaaSMdm.Core.Api.Declarations;
using SaaSMdm.Core.Api.DeclarativeStatus;
using SaaSMdm.Core.Api.Devices;
using SaaSMdm.Core.Api.Enrollment;
using SaaSMdm.Core.Api.RateLimits;
using SaaSMdm.Core.Api.Events;
using SaaSMdm.Core.Api.Webhooks;
using SaaSMdm.Core.Certificates;
using SaaSMdm.Core.Commands;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Declarations;
using SaaSMdm.Core.Declarations.Assets;
using SaaSMdm.Core.Enrollments;
using SaaSMdm.Core.Events;
using SaaSMdm.Core.Gateway;
using SaaSMdm.Core.Health;
using SaaSMdm.Core.Identity;
using SaaSMdm.Core.Identity.Tokens;
using SaaSMdm.Core.Maintenance;
using SaaSMdm.Core.Push;
using SaaSMdm.Core.Security;
using SaaSMdm.Core.Tenants;
using SaaSMdm.Rpc.Interceptors;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Core.Hosting;

/// <summary>Builds and starts the Core host; Program and the tests share it.</summary>
public static class CoreApp
{
    /// <summary>Configuration keys also come from environment variables prefixed <c>SAASMDM_</c> (e.g. <c>SAASMDM_Database__Provider</c>).</summary>
    public const string EnvironmentPrefix = "SAASMDM_";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);
        configure?.Invoke(builder);

        var core = builder.Configuration.GetSection(CoreOptions.Section).Get<CoreOptions>() ?? new CoreOptions();
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var keyRing = builder.Configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.Section));
        builder.Services.Configure<GatewayOptions>(builder.Configuration.GetSection(GatewayOptions.Section));
        builder.Services.Configure<GrpcServiceOptions>(builder.Configuration.GetSection("Grpc"));

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var certificate = LoadCertificate(core);
            kestrel.ListenGrpc(new Uri(core.GrpcUrl), certificate);
            var http = new Uri(core.HttpUrl);
            kestrel.Listen(http, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                if (http.Scheme == Uri.UriSchemeHttps)
                {
                    // The token endpoint is here: off loopback it must be TLS.
                    listen.UseHttps(certificate ?? throw new InvalidOperationException($"{http} is https and needs Core:TlsCertificatePath."));
                }
            });
        });

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddCoreDatabase(database);
        builder.Services.AddCoreSecrets(keyRing);
        builder.Services.AddScoped<ITenantStore, EfTenantStore>();
        builder.Services.AddScoped<TenantProvisioner>();
        builder.Services.AddScoped<TenantCertificateAuthorities>();
        builder.Services.AddScoped<ICommandQueue, EfCommandQueue>();
        builder.Services.AddScoped<EnrollmentChannelRemoval>();
        builder.Services.AddDeviceGateway(builder.Configuration);
        builder.Services.AddDeclarativeManagement();
        builder.Services.AddAssetData();
        builder.Services.AddDeclarativeStatusApi();
        builder.Services.AddSingleton<DatabaseHealth>();
        builder.Services.AddSingleton<DemoTenantSeeder>();
        builder.Services.AddIdentityAndTokens();
        builder.Services.AddAccountsApi();
        builder.Services.AddPublicApi();
        builder.Services.AddRateLimits(builder.Configuration);
        builder.Services.AddDeclarationsApi();
        builder.Services.AddAuditLog();
        builder.Services.AddPushes(builder.Configuration);
        builder.Services.AddMaintenance(builder.Configuration);
        builder.Services.AddEventsAndWebhooks(builder.Configuration);
        builder.Services.AddSingleton(new HealthServiceNames([DeviceGateway.Descriptor.FullName, .. PublicApi.ServiceNames]));
        builder.Services.AddGrpc(options =>
        {
            options.Interceptors.Add<CallLoggingInterceptor>();
            options.Interceptors.Add<GatewayAuthenticationInterceptor>();
            options.Interceptors.Add<AuditInterceptor>();
            options.Interceptors.Add<ApiAuthorizationInterceptor>();
            options.Interceptors.Add<ApiRateLimitInterceptor>();
        });

        var app = builder.Build();
        app.MapGrpcService<TenantsService>();
        app.MapGrpcService<DeviceGatewayService>();
        app.MapGrpcService<DevicesService>();
        app.MapGrpcService<CommandsService>();
        app.MapGrpcService<EnrollmentService>();
        app.MapGrpcService<DeclarationsService>();
        app.MapGrpcService<AssetDataService>();
        app.MapGrpcService<DeclarativeStatusService>();
        app.MapGrpcService<AuditLogService>();
        app.MapGrpcService<ApiClientsService>();
        app.MapGrpcService<MembersService>();
        app.MapGrpcService<OrganizationsService>();
        app.MapGrpcService<AccountService>();
        app.MapGrpcService<EventsService>();
        app.MapGrpcService<WebhooksService>();
        app.MapGrpcService<HealthService>();
        app.UseTokenEndpointRateLimits();
        app.MapTokenEndpoints();
        app.MapAccountEndpoints();
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", async (DatabaseHealth health, CancellationToken ct) =>
            await health.IsServingAsync(ct) ? Results.Text("ready") : Results.Text("database unreachable", statusCode: StatusCodes.Status503ServiceUnavailable));
        return app;
    }

    /// <summary>Migrates and seeds before the server takes traffic, so no request meets an old schema.</summary>
    public static async Task PrepareAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        var database = app.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.MigrateOnStartup)
        {
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TenantProvisioner>().CompleteExistingTenantsAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<AccountBootstrapper>().BootstrapAsync(cancellationToken);
        }

        await app.Services.GetRequiredService<DemoTenantSeeder>().SeedAsync(cancellationToken);
    }

    private static X509Certificate2? LoadCertificate(CoreOptions core) =>
        string.IsNullOrEmpty(core.TlsCertificatePath)
            ? null
            : X509CertificateLoader.LoadPkcs12FromFile(core.TlsCertificatePath, core.TlsCertificatePassword);
}
