using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using SaaSMdm.Contracts.Auth;
using SaaSMdm.Portal.Hosting;

namespace SaaSMdm.Portal.Sessions;

/// <summary>Core's token endpoint as the portal's client: signs people in with their password and renews their tokens.</summary>
public sealed class PortalTokens(TokenEndpointClient endpoint, IOptions<PortalOptions> options, IMemoryCache renewals)
{
    /// <summary>
    /// Long enough for every request made with the old cookie to share one renewal, also one whose answer (with the
    /// new cookie) never reached the browser: Core treats a refresh token presented twice as stolen and ends the whole
    /// sign-in. Replicas do not share it, so replicas behind one address need sticky sessions.
    /// </summary>
    private static readonly TimeSpan RenewalSharing = TimeSpan.FromMinutes(2);

    /// <exception cref="TokenEndpointException">Core refused: wrong password, a two-factor code needed or wrong, locked out.</exception>
    public Task<TokenResponse> PasswordAsync(string email, string password, string? twoFactorCode, CancellationToken cancellationToken)
    {
        var (clientId, clientSecret) = Client();
        return endpoint.PasswordAsync(clientId, clientSecret, email, password, twoFactorCode, cancellationToken);
    }

    /// <summary>Renews a sign-in's tokens; concurrent requests with the same refresh token get the same answer.</summary>
    /// <exception cref="TokenEndpointException">The sign-in ended: the refresh token expired or was revoked.</exception>
    public Task<TokenResponse> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var key = "renewal:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)));
        var renewal = renewals.GetOrCreate(key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = RenewalSharing;
            return RenewAsync(key, refreshToken);
        })!;
        return renewal.WaitAsync(cancellationToken);
    }

    /// <summary>Ends a sign-in at Core: its refresh token (and every one renewed from it) stops working.</summary>
    public Task RevokeAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var (clientId, clientSecret) = Client();
        return endpoint.RevokeAsync(clientId, clientSecret, refreshToken, cancellationToken);
    }

    private async Task<TokenResponse> RenewAsync(string key, string refreshToken)
    {
        var (clientId, clientSecret) = Client();
        try
        {
            // Not tied to one request's cancellation: the other requests sharing it must not see it cancelled.
            return await endpoint.RefreshAsync(clientId, clientSecret, refreshToken, CancellationToken.None);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException || ex is TokenEndpointException { SignInEnded: false })
        {
            // Core was unreachable, busy or failing, which says nothing about the refresh token: the next request tries again.
            renewals.Remove(key);
            throw;
        }
    }

    private (string ClientId, string ClientSecret) Client()
    {
        var portal = options.Value;
        return string.IsNullOrEmpty(portal.ClientId) || string.IsNullOrEmpty(portal.ClientSecret)
            ? throw new InvalidOperationException("Portal:ClientId and Portal:ClientSecret must name the portal's client (Core's Bootstrap:PortalClientId).")
            : (portal.ClientId, portal.ClientSecret);
    }
}
