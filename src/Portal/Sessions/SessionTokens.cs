using Microsoft.AspNetCore.Authentication;
using SaaSMdm.Contracts.Auth;

namespace SaaSMdm.Portal.Sessions;

/// <summary>The signed-in person's tokens, kept inside the encrypted sign-in cookie.</summary>
public sealed record SessionTokens(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt)
{
    private const string AccessTokenName = "access_token";
    private const string RefreshTokenName = "refresh_token";
    private const string ExpiresAtName = "expires_at";

    /// <summary>Renew this long before expiry, so a token never expires on its way to Core during a page.</summary>
    private static readonly TimeSpan RenewalMargin = TimeSpan.FromSeconds(60);

    public static SessionTokens Of(TokenResponse response, DateTimeOffset now) =>
        new(response.AccessToken,
            response.RefreshToken ?? throw new InvalidOperationException("Core issued a person's token without a refresh token."),
            now.AddSeconds(response.ExpiresIn));

    public static SessionTokens? From(AuthenticationProperties properties) =>
        properties.GetTokenValue(AccessTokenName) is { } access
        && properties.GetTokenValue(RefreshTokenName) is { } refresh
        && DateTimeOffset.TryParse(properties.GetTokenValue(ExpiresAtName), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var expiresAt)
            ? new SessionTokens(access, refresh, expiresAt)
            : null;

    public bool NeedsRenewal(DateTimeOffset now) => now >= ExpiresAt - RenewalMargin;

    public void StoreIn(AuthenticationProperties properties) => properties.StoreTokens(
    [
        new AuthenticationToken { Name = AccessTokenName, Value = AccessToken },
        new AuthenticationToken { Name = RefreshTokenName, Value = RefreshToken },
        new AuthenticationToken { Name = ExpiresAtName, Value = ExpiresAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture) },
    ]);
}
