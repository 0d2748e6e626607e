using Microsoft.AspNetCore.Identity;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Identity.Tokens;

/// <summary>
/// A person signs in through the portal's client (RFC 6749 §4.3): email and password, plus the current TOTP code (or
/// an unused recovery code) when two-factor sign-in is on. Failures count towards lockout; every wrong-credential answer reads the same.
/// </summary>
public sealed partial class PasswordGrant(UserManager<PersonEntity> people, FailedSignIns failures, PersonTokens personTokens, ILogger<PasswordGrant> logger) : ITokenGrant
{
    private static readonly TokenError WrongCredentials = TokenError.InvalidGrant("The email or password is wrong.");

    public string GrantType => "password";

    public async Task<GrantResult> GrantAsync(ApiClientEntity client, IFormCollection form, CancellationToken cancellationToken)
    {
        if (!client.IsPortal)
        {
            return TokenError.UnauthorizedClient("Only the portal's client may sign people in.");
        }

        var email = form["username"].ToString();
        var password = form["password"].ToString();
        if (email.Length is 0 or > 256 || password.Length is 0 or > 512)
        {
            return TokenError.InvalidRequest("username (an email) and password are required.");
        }

        var person = await people.FindByEmailAsync(email);
        if (person is null)
        {
            // Hash anyway (the same work as checking a real one), so the answer's timing does not tell which emails exist.
            people.PasswordHasher.HashPassword(new PersonEntity(), password);
            return WrongCredentials;
        }

        if (await people.IsLockedOutAsync(person))
        {
            return TokenError.InvalidGrant("Too many failed sign-ins: the account is locked for a while.");
        }

        if (!await people.CheckPasswordAsync(person, password))
        {
            await failures.RecordAsync(person.Id, cancellationToken);
            Log.SignInFailed(logger, person.Id, "wrong password");
            return WrongCredentials;
        }

        if (!person.EmailConfirmed)
        {
            return TokenError.InvalidGrant("The email address is not confirmed yet.");
        }

        if (person.TwoFactorEnabled)
        {
            var code = form["two_factor_code"].ToString().Replace(" ", "", StringComparison.Ordinal);
            if (code.Length == 0)
            {
                return new TokenError(Contracts.Auth.TokenEndpointClient.TwoFactorRequiredError, "Enter the code from your authenticator app.");
            }

            // A recovery code stands in for a code once: redeeming it removes it.
            if (!await people.VerifyTwoFactorTokenAsync(person, people.Options.Tokens.AuthenticatorTokenProvider, code)
                && !(await people.RedeemTwoFactorRecoveryCodeAsync(person, code)).Succeeded)
            {
                await failures.RecordAsync(person.Id, cancellationToken);
                Log.SignInFailed(logger, person.Id, "wrong two-factor code");
                return new TokenError(Contracts.Auth.TokenEndpointClient.TwoFactorRequiredError, "The two-factor code is wrong.");
            }
        }

        await people.ResetAccessFailedCountAsync(person);
        Log.SignedIn(logger, person.Id);
        return await personTokens.IssueAsync(person, client, familyId: null, cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Person {PersonId} signed in")]
        public static partial void SignedIn(ILogger logger, Guid personId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in of person {PersonId} failed: {Reason}")]
        public static partial void SignInFailed(ILogger logger, Guid personId, string reason);
    }
}
