using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Endpoints;
using SaaSMdm.Contracts.Auth;

namespace SaaSMdm.Portal.Sessions;

/// <summary>
/// Before a page renders, hands the signed-in person's access token to <see cref="PortalSession"/>, renewing it first
/// when it is about to expire (the renewed tokens go back into the cookie). A sign-in Core has ended (refresh token
/// revoked or expired, person removed) is signed out here, so the page sends the person to sign in again.
/// </summary>
public sealed partial class SessionMiddleware(RequestDelegate next, PortalTokens tokens, TimeProvider clock, ILogger<SessionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http, PortalSession session)
    {
        if (UsesCore(http) && http.User.Identity?.IsAuthenticated == true)
        {
            await BeginAsync(http, session);
        }

        await next(http);
    }

    /// <summary>Pages call Core; static files and health probes do not, and must not renew.</summary>
    private static bool UsesCore(HttpContext http) => http.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;

    private async Task BeginAsync(HttpContext http, PortalSession session)
    {
        var signIn = await http.AuthenticateAsync();
        if (signIn is not { Succeeded: true, Properties: { } properties, Principal: { } principal } || SessionTokens.From(properties) is not { } current)
        {
            await EndAsync(http);
            return;
        }

        var now = clock.GetUtcNow();
        if (current.NeedsRenewal(now))
        {
            try
            {
                current = SessionTokens.Of(await tokens.RefreshAsync(current.RefreshToken, http.RequestAborted), now);
            }
            catch (TokenEndpointException ex) when (ex.SignInEnded)
            {
                Log.SignInEnded(logger, principal.FindFirstValue(ClaimTypes.NameIdentifier), ex.Error);
                await EndAsync(http);
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TokenEndpointException or TaskCanceledException && !http.RequestAborted.IsCancellationRequested)
            {
                // Core is unreachable, busy or failing: its pages will say so; the sign-in itself is still good.
                Log.RenewalFailed(logger, ex.Message);
                session.Begin(current.AccessToken);
                return;
            }

            current.StoreIn(properties);
            await http.SignInAsync(principal, properties);
        }

        session.Begin(current.AccessToken);
    }

    private static async Task EndAsync(HttpContext http)
    {
        await http.SignOutAsync();
        http.User = new ClaimsPrincipal(new ClaimsIdentity());
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "The sign-in of person {PersonId} ended: Core refused to renew it ({Error})")]
        public static partial void SignInEnded(ILogger logger, string? personId, string error);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew a sign-in's token now; Core's token endpoint is unreachable or failing ({Reason})")]
        public static partial void RenewalFailed(ILogger logger, string reason);
    }
}
