namespace SaaSMdm.Core.Identity;

/// <summary>Access tokens and their keys (section <c>Auth</c>).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The <c>iss</c> of every access token; API clients may check it.</summary>
    public string Issuer { get; set; } = "saasmdm-core";

    /// <summary>The <c>aud</c> of every access token: Core's API.</summary>
    public string Audience { get; set; } = "saasmdm-api";

    /// <summary>How long an access token is valid. Short, because a revoked client's token lives until it expires.</summary>
    public int AccessTokenMinutes { get; set; } = 10;

    /// <summary>How long a person's refresh token is valid (each use replaces it).</summary>
    public int RefreshTokenDays { get; set; } = 14;

    /// <summary>A signing key signs for this many days, then its successor takes over (published a day earlier).</summary>
    public int SigningKeyRotationDays { get; set; } = 30;

    /// <summary>Tolerated clock difference between Core replicas when checking a token's times.</summary>
    public int ClockSkewSeconds { get; set; } = 30;

    public TimeSpan AccessTokenLifetime => TimeSpan.FromMinutes(AccessTokenMinutes);

    public TimeSpan ClockSkew => TimeSpan.FromSeconds(ClockSkewSeconds);

    public string? Problem() =>
        AccessTokenMinutes is < 1 or > 60 ? "Auth:AccessTokenMinutes must be 1 to 60."
        : RefreshTokenDays is < 1 or > 90 ? "Auth:RefreshTokenDays must be 1 to 90."
        : SigningKeyRotationDays is < 2 or > 365 ? "Auth:SigningKeyRotationDays must be 2 to 365."
        : ClockSkewSeconds is < 0 or > 300 ? "Auth:ClockSkewSeconds must be 0 to 300."
        : string.IsNullOrWhiteSpace(Issuer) || string.IsNullOrWhiteSpace(Audience) ? "Auth:Issuer and Auth:Audience must not be empty."
        : null;
}
