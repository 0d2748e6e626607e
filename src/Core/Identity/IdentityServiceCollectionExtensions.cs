using Microsoft.AspNetCore.Identity;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Identity.Tokens;

namespace SaaSMdm.Core.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>People (ASP.NET Core Identity), API clients, the token endpoint's grants and access-token keys.</summary>
    public static IServiceCollection AddIdentityAndTokens(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section)
            .Validate(options => options.Problem() is null, "Auth settings are out of range (see README: Auth:*).")
            .ValidateOnStart();
        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section);

        services.AddIdentityCore<PersonEntity>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.Password.RequiredLength = 12;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireDigit = false;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.Lockout.AllowedForNewUsers = true;
                identity.SignIn.RequireConfirmedEmail = true;
            })
            .AddEntityFrameworkStores<CoreDbContext>()
            .AddDefaultTokenProviders();

        services.AddSingleton<SigningKeyRing>();
        services.AddSingleton<AccessTokens>();
        services.AddScoped<CurrentCaller>();
        services.AddScoped<TenantAccess>();
        services.AddScoped<AccountBootstrapper>();
        services.AddScoped<FailedSignIns>();
        services.AddScoped<ClientAuthenticator>();
        services.AddScoped<RefreshTokens>();
        services.AddScoped<PersonTokens>();
        services.AddScoped<ITokenGrant, ClientCredentialsGrant>();
        services.AddScoped<ITokenGrant, PasswordGrant>();
        services.AddScoped<ITokenGrant, RefreshTokenGrant>();
        return services;
    }
}
