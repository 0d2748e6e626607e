namespace SaaSMdm.Core.Api.RateLimits;

public static class RateLimitServiceCollectionExtensions
{
    /// <summary>The API's per-caller and per-tenant buckets and the token endpoint's per-address and per-client ones.</summary>
    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(RateLimitOptions.Section);
        services.AddOptions<RateLimitOptions>().Bind(section)
            .Validate(options => options.Problem() is null, "RateLimits settings are out of range (see README: RateLimits:*).")
            .ValidateOnStart();
        services.AddSingleton<ApiRateLimiter>();
        services.AddSingleton<TokenClientRateLimiter>();
        return services.AddTokenEndpointRateLimits(section.Get<RateLimitOptions>() ?? new RateLimitOptions());
    }
}
