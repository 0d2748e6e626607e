using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace SaaSMdm.Portal.Sessions;

/// <summary>The portal's endpoints that are not pages: signing out and switching tenants.</summary>
public static partial class SessionEndpoints
{
    private static readonly TimeSpan RevocationTimeout = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        // Only a form of the portal's own (with its antiforgery token) signs a person out; no other site can.
        app.MapPost("/sign-out", async (HttpContext http, IAntiforgery antiforgery, PortalTokens tokens, ILoggerFactory loggers) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest();
            }

            var signIn = await http.AuthenticateAsync();
            await http.SignOutAsync();

            // Revoked at Core too, so a copy of the cookie stops working once its access token expires. The person is
            // signed out of this browser whatever Core answers.
            if (signIn.Properties is { } properties && SessionTokens.From(properties) is { } session)
            {
                using var timeout = new CancellationTokenSource(RevocationTimeout);
                try
                {
                    await tokens.RevokeAsync(session.RefreshToken, timeout.Token);
                }
                catch (Exception ex) when (ex is HttpRequestException or Contracts.Auth.TokenEndpointException or OperationCanceledException)
                {
                    Log.RevocationFailed(loggers.CreateLogger(typeof(SessionEndpoints).FullName!), ex.Message);
                }
            }

            return Results.LocalRedirect("/sign-in?signed-out=1");
        });

        // The tenant picker is a plain GET form; only a slug-shaped value is followed, so this is no open redirect.
        app.MapGet("/switch", (string? tenant) =>
            tenant is not null && Slug().IsMatch(tenant) ? Results.LocalRedirect($"/t/{tenant}") : Results.LocalRedirect("/"))
            .RequireAuthorization();
        return app;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex Slug();

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Signing out could not revoke the sign-in at Core: {Reason}")]
        public static partial void RevocationFailed(ILogger logger, string reason);
    }
}
