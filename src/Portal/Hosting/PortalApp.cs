using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Radzen;
using SaaSMdm.Rpc.Server;
using SaaSMdm.Contracts.Auth;
using SaaSMdm.Portal.Components;
using SaaSMdm.Portal.CoreApi;
using SaaSMdm.Portal.Sessions;
using SaaSMdm.Portal.Tenancy;

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
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddPortalSessions(portal);
        builder.Services.AddCoreClients(new Uri(portal.CoreUrl));
        builder.Services.AddScoped<PortalTenants>();
        builder.Services.AddScoped<CurrentTenant>();
        builder.Services.AddScoped<TenantDirectory>();

        var app = builder.Build();
        // Never the developer exception page: no page shows a stack trace, in any environment.
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<SessionMiddleware>();
        app.UseAuthorization();
        app.UseMiddleware<TenantMiddleware>();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>();
        app.MapSessionEndpoints();
        app.MapGet("/healthz", () => Results.Text("ok"));
        return app;
    }

    private static IServiceCollection AddPortalSessions(this IServiceCollection services, PortalOptions portal)
    {
        var protection = services.AddDataProtection().SetApplicationName("SaaSMdm.Portal");
        if (!string.IsNullOrEmpty(portal.KeysDirectory))
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(portal.KeysDirectory));
        }

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.Cookie.Name = "saasmdm_portal";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = portal.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = portal.SessionIdleTimeout;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/sign-in";
            cookie.AccessDeniedPath = "/not-found";
        });
        services.AddAntiforgery(antiforgery =>
            antiforgery.Cookie.SecurePolicy = portal.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddMemoryCache();
        services.AddSingleton(new TokenEndpointClient(
            new HttpClient { Timeout = TimeSpan.FromSeconds(15) }, TokenEndpointClient.EndpointOf(new Uri(portal.CoreHttpUrl))));
        services.AddSingleton<PortalTokens>();
        services.AddSingleton<PendingSignIn>();
        services.AddScoped<PortalSignIn>();
        services.AddScoped<PortalSession>();
        services.AddHttpClient<CoreAccountEndpoints>(http => http.Timeout = TimeSpan.FromSeconds(15));
        return services;
    }
}
