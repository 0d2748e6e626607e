using Microsoft.AspNetCore.Identity;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Identity;

/// <summary>
/// Gets a person's one-time tokens (an invitation's, a password reset's) to them. Core sends no email yet, so in the
/// Development environment the tokens are logged for whoever runs it locally; in every other environment only the
/// fact is logged, and no token is even made: a token in a production log would let its readers take the account.
/// </summary>
public sealed partial class AccountTokenDelivery(UserManager<PersonEntity> people, IHostEnvironment environment, ILogger<AccountTokenDelivery> logger)
{
    /// <summary>A new person's invitation: a token to confirm the email and one to set the first password.</summary>
    public async Task InvitationAsync(PersonEntity person)
    {
        if (!environment.IsDevelopment())
        {
            Log.InvitationCreated(logger, person.Id);
            return;
        }

        var confirmEmailToken = await people.GenerateEmailConfirmationTokenAsync(person);
        var passwordToken = await people.GeneratePasswordResetTokenAsync(person);
        Log.InvitationTokens(logger, person.Id, person.Email, confirmEmailToken, passwordToken);
    }

    /// <summary>A token to set a new password, for a person who forgot theirs.</summary>
    public async Task PasswordResetAsync(PersonEntity person)
    {
        if (!environment.IsDevelopment())
        {
            Log.PasswordResetRequested(logger, person.Id);
            return;
        }

        var token = await people.GeneratePasswordResetTokenAsync(person);
        Log.PasswordResetToken(logger, person.Id, person.Email, token);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Person {PersonId} was invited (no email is sent: the invitation's tokens appear only in Development logs)")]
        public static partial void InvitationCreated(ILogger logger, Guid personId);

        [LoggerMessage(Level = LogLevel.Warning,
            Message = "Development only: invitation of person {PersonId} <{Email}>. To confirm the email, POST " + AccountEndpoints.ConfirmEmailPath
                + " with this person_id and the token {ConfirmEmailToken}; to set a password (which confirms the email too), "
                + "POST " + AccountEndpoints.ResetPasswordPath + " with the email, the token {PasswordToken} and a new_password")]
        public static partial void InvitationTokens(ILogger logger, Guid personId, string? email, string confirmEmailToken, string passwordToken);

        [LoggerMessage(Level = LogLevel.Information, Message = "Person {PersonId} asked to reset their password (no email is sent: the token appears only in Development logs)")]
        public static partial void PasswordResetRequested(ILogger logger, Guid personId);

        [LoggerMessage(Level = LogLevel.Warning,
            Message = "Development only: password reset of person {PersonId} <{Email}>: POST " + AccountEndpoints.ResetPasswordPath
                + " with the email, the token {PasswordToken} and a new_password")]
        public static partial void PasswordResetToken(ILogger logger, Guid personId, string? email, string passwordToken);
    }
}
