using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Identity.Tokens;

namespace SaaSMdm.Core.Identity;

/// <summary>
/// The links of a person's one-time tokens, on Core's HTTP address without authentication (the token is the proof):
/// confirming an email, asking for a password reset, and setting a password with a reset token (an invitation's
/// first password too). Bodies are small JSON objects; answers never repeat a token or a password, and a wrong token
/// reads the same as an unknown person.
/// </summary>
public static partial class AccountEndpoints
{
    public const string ConfirmEmailPath = "/account/confirm-email";

    public const string ForgotPasswordPath = "/account/forgot-password";

    public const string ResetPasswordPath = "/account/reset-password";

    /// <summary>Every path here starts with it.</summary>
    public const string PathPrefix = "/account";

    /// <summary>A request is a few short fields; anything bigger is not one.</summary>
    private const long MaxRequestBytes = 8 * 1024;

    private const int MaxTokenLength = 2048;

    private const int MaxPasswordLength = 512;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(ConfirmEmailPath, ConfirmEmailAsync);
        app.MapPost(ForgotPasswordPath, ForgotPasswordAsync);
        app.MapPost(ResetPasswordPath, ResetPasswordAsync);
        return app;
    }

    private static async Task<IResult> ConfirmEmailAsync(HttpContext http, UserManager<PersonEntity> people)
    {
        var (body, problem) = await ReadAsync<ConfirmEmailRequest>(http);
        if (problem is not null)
        {
            return problem;
        }

        if (!Guid.TryParse(body!.PersonId, out var personId) || !IsToken(body.Token))
        {
            return BadRequest("person_id (a UUID) and token are required.");
        }

        var person = await people.FindByIdAsync(personId.ToString());
        if (person is null || !(await people.ConfirmEmailAsync(person, body.Token!)).Succeeded)
        {
            return InvalidLink;
        }

        return Results.NoContent();
    }

    private static async Task<IResult> ForgotPasswordAsync(HttpContext http, UserManager<PersonEntity> people, AccountTokenDelivery delivery)
    {
        var (body, problem) = await ReadAsync<ForgotPasswordRequest>(http);
        if (problem is not null)
        {
            return problem;
        }

        if (!IsEmail(body!.Email))
        {
            return BadRequest("email is required.");
        }

        // Accepted whether or not anyone has the email, so the answer tells no one who has an account.
        if (await people.FindByEmailAsync(body.Email!) is { } person)
        {
            await delivery.PasswordResetAsync(person);
        }

        return Results.Accepted();
    }

    private static async Task<IResult> ResetPasswordAsync(HttpContext http, UserManager<PersonEntity> people, RefreshTokens refreshTokens, ILoggerFactory loggers)
    {
        var (body, problem) = await ReadAsync<ResetPasswordRequest>(http);
        if (problem is not null)
        {
            return problem;
        }

        if (!IsEmail(body!.Email) || !IsToken(body.Token) || body.NewPassword is not { Length: > 0 and <= MaxPasswordLength })
        {
            return BadRequest($"email, token and new_password (at most {MaxPasswordLength} characters) are required.");
        }

        var person = await people.FindByEmailAsync(body.Email!);
        if (person is null)
        {
            return InvalidLink;
        }

        // Identity checks the token before the password, so only the token's holder learns what the policy refused.
        var reset = await people.ResetPasswordAsync(person, body.Token!, body.NewPassword);
        if (!reset.Succeeded)
        {
            return reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                ? InvalidLink
                : BadRequest("new_password is not acceptable: " + string.Join(" ", reset.Errors.Select(e => e.Description)));
        }

        // The token reached the person at their email, which proves the address; and whoever holds the password now
        // is no longer locked out by someone else's failed guesses, nor signed in elsewhere with the old one.
        person.EmailConfirmed = true;
        person.AccessFailedCount = 0;
        person.LockoutEnd = null;
        if (!(await people.UpdateAsync(person)).Succeeded)
        {
            throw new InvalidOperationException($"Person {person.Id}'s password was reset but the account could not be unlocked.");
        }

        await refreshTokens.RevokeAllAsync(person.Id, http.RequestAborted);
        Log.PasswordReset(loggers.CreateLogger(typeof(AccountEndpoints).FullName!), person.Id);
        return Results.NoContent();
    }

    /// <summary>The body as <typeparamref name="T"/>, or the 400 that says why it is not one.</summary>
    private static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpContext http) where T : class
    {
        http.Response.Headers.CacheControl = "no-store";
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxRequestBytes;
        }

        if (!http.Request.HasJsonContentType())
        {
            return (null, BadRequest("The body must be a JSON object (Content-Type: application/json)."));
        }

        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(http.Request.Body, Json, http.RequestAborted);
            return body is null ? (null, BadRequest("The body must be a JSON object.")) : (body, null);
        }
        catch (JsonException)
        {
            return (null, BadRequest("The body is not the JSON object this endpoint takes."));
        }
        catch (BadHttpRequestException)
        {
            return (null, BadRequest($"The body is larger than {MaxRequestBytes} bytes or was cut short."));
        }
    }

    private static bool IsToken(string? token) => token is { Length: > 0 and <= MaxTokenLength };

    private static bool IsEmail(string? email) => email is { Length: > 0 and <= 256 } && !email.Any(char.IsControl);

    private static IResult InvalidLink => BadRequest("The link is invalid or has expired; ask for a new one.");

    private static IResult BadRequest(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");

    private sealed record ConfirmEmailRequest(string? PersonId, string? Token);

    private sealed record ForgotPasswordRequest(string? Email);

    private sealed record ResetPasswordRequest(string? Email, string? Token, string? NewPassword);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Person {PersonId} set a new password with a reset token")]
        public static partial void PasswordReset(ILogger logger, Guid personId);
    }
}
