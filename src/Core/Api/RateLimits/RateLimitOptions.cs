namespace SaaSMdm.Core.Api.RateLimits;

/// <summary>
/// Token buckets that keep one caller or one tenant from starving the others (section <c>RateLimits</c>). Each Core
/// replica counts on its own: with N replicas behind a balancer a caller gets up to N times these rates.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>Sustained API calls per second of one caller (an API client or a person), across all tenants.</summary>
    public int PerCallerPerSecond { get; set; } = 50;

    /// <summary>How many calls one caller may make at once after being idle.</summary>
    public int PerCallerBurst { get; set; } = 100;

    /// <summary>Sustained API calls per second about one tenant, whoever makes them.</summary>
    public int PerTenantPerSecond { get; set; } = 200;

    public int PerTenantBurst { get; set; } = 400;

    /// <summary>Token requests per second from one remote address, successful or not.</summary>
    public int TokenRequestsPerIpPerSecond { get; set; } = 10;

    public int TokenRequestsPerIpBurst { get; set; } = 100;

    /// <summary>Tokens per second one API client is issued (the portal's sign-ins of people are not counted here).</summary>
    public int TokenRequestsPerClientPerSecond { get; set; } = 10;

    public int TokenRequestsPerClientBurst { get; set; } = 50;

    public string? Problem()
    {
        var rates = new (string Name, int Value)[]
        {
            (nameof(PerCallerPerSecond), PerCallerPerSecond), (nameof(PerCallerBurst), PerCallerBurst),
            (nameof(PerTenantPerSecond), PerTenantPerSecond), (nameof(PerTenantBurst), PerTenantBurst),
            (nameof(TokenRequestsPerIpPerSecond), TokenRequestsPerIpPerSecond), (nameof(TokenRequestsPerIpBurst), TokenRequestsPerIpBurst),
            (nameof(TokenRequestsPerClientPerSecond), TokenRequestsPerClientPerSecond), (nameof(TokenRequestsPerClientBurst), TokenRequestsPerClientBurst),
        };
        return rates.FirstOrDefault(rate => rate.Value is < 1 or > 1_000_000) is { Name: { } name }
            ? $"{Section}:{name} must be 1 to 1000000."
            : null;
    }
}
