using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using SaaSMdm.Contracts.Auth;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Portal.CoreApi;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Client;

namespace SaaSMdm.Portal.Sessions;

/// <summary>
/// Signs a person in with Core's password grant (and their two-factor code) and keeps the tokens Core issues in the
/// encrypted sign-in cookie.
/// </summary>
public sealed partial class PortalSignIn(PortalTokens tokens, GrpcChannel core, TimeProvider clock, ILogger<PortalSignIn> logger)
{
    public async Task<SignInOutcome> SignInAsync(HttpContext http, string email, string password, string? twoFactorCode)
    {
        TokenResponse response;
        try
        {
            response = await tokens.PasswordAsync(email.Trim(), password, twoFactorCode, http.RequestAborted);
        }
        catch (TokenEndpointException ex) when (ex.TwoFactorRequired)
        {
            return new SignInOutcome(SignInStep.TwoFactorCode, twoFactorCode is { Length: > 0 } ? ex.Description : null);
        }
        catch (TokenEndpointException ex) when (ex.StatusCode is >= 400 and < 500 && ex.Error != "invalid_client")
        {
            return new SignInOutcome(SignInStep.Refused, ex.Description ?? "The email or password is wrong.");
        }
        catch (Exception ex) when (ex is HttpRequestException or TokenEndpointException)
        {
            Log.TokenEndpointFailed(logger, ex.Message);
            return new SignInOutcome(SignInStep.Refused, PortalErrors.Unreachable);
        }

        var session = SessionTokens.Of(response, clock.GetUtcNow());
        Me me;
        try
        {
            me = await new Account.AccountClient(core.CreateCallInvoker()).GetMeAsync(
                new GetMeRequest(),
                new CallOptions(new Metadata().Add(CallCredentials.AuthorizationHeader, "Bearer " + session.AccessToken), CancellationToken: http.RequestAborted));
        }
        catch (RpcException ex)
        {
            Log.TokenEndpointFailed(logger, ex.Message);
            return new SignInOutcome(SignInStep.Refused, PortalErrors.Unreachable);
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, me.Person.Id),
            new Claim(ClaimTypes.Name, me.Person.DisplayName.Length > 0 ? me.Person.DisplayName : me.Person.Email),
            new Claim(ClaimTypes.Email, me.Person.Email),
        ], CookieAuthenticationDefaults.AuthenticationScheme);
        var properties = new AuthenticationProperties();
        session.StoreIn(properties);
        await http.SignInAsync(new ClaimsPrincipal(identity), properties);
        Log.SignedIn(logger, me.Person.Id);
        return SignInOutcome.SignedIn;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Person {PersonId} signed in to the portal")]
        public static partial void SignedIn(ILogger logger, string personId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Signing in failed on Core's side: {Reason}")]
        public static partial void TokenEndpointFailed(ILogger logger, string reason);
    }
}
