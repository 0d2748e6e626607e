using Microsoft.AspNetCore.Server.Kestrel.Core;
using Radzen;
using SaaSMdm.Contracts.Auth;
using SaaSMdm.Portal.Components;
using SaaSMdm.Portal.Tenants;
using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Portal.Hosting;

/// <summary>Builds the portal host; Program and the tests share it.</summary>
public static class PortalApp
{
    /// <summary>Configuration keys also come from environment variables prefixed <c>SAASMDM_</c> (e.g. <c>SAASMDM_Portal__CoreUrl</c>).</summary>
    public const string EnvironmentPrefix = "SAASMDM_";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Static assets and their manifest live beside this assembly, whichever process hosts it (tests host it too).
            ApplicationName = typeof(PortalApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);
        configure?.Invoke(builder);

        var section = builder.Configuration.GetSection(PortalOptions.Section);
        var portal = section.Get<PortalOptions>() ?? new PortalOptions();
        builder.Services.Configure<PortalOptions>(section);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(new Uri(portal.Url), listen => listen.Protocols = HttpProtocols.Http1AndHttp2));

        builder.Services.AddRazorComponents();
        builder.Services.AddRadzenComponents();
        builder.Services.AddSingleton(_ => GrpcChannel.ForAddress(portal.CoreUrl, new GrpcChannelOptions
        {
            Credentials = string.IsNullOrEmpty(portal.ApiClientId) || string.IsNullOrEmpty(portal.ApiClientSecret)
                ? null
                : new ClientCredentials(new TokenEndpointClient(new HttpClient(), TokenEndpointClient.EndpointOf(new Uri(portal.CoreHttpUrl))), portal.ApiClientId, portal.ApiClientSecret),
        }));
        builder.Services.AddSingleton(sp => new Contracts.V1.Tenants.TenantsClient(sp.GetRequiredService<GrpcChannel>().CreateCallInvoker()));
        builder.Services.AddScoped<TenantDirectory>();

        var app = builder.Build();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>();
        app.MapGet("/healthz", () => Results.Text("ok"));
        return app;
    }
}
