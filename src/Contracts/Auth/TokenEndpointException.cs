namespace SaaSMdm.Contracts.Auth;

/// <summary>The token endpoint refused a request (RFC 6749 §5.2): <see cref="Error"/> is the OAuth2 error code.</summary>
public sealed class TokenEndpointException(int statusCode, string error, string? description)
    : Exception($"The token endpoint answered {statusCode} {error}: {description}")
{
    public int StatusCode { get; } = statusCode;

    public string Error { get; } = error;

    public string? Description { get; } = description;

    /// <summary>The password was right but the person has two-factor sign-in on and sent no (or a wrong) code.</summary>
    public bool TwoFactorRequired => Error == TokenEndpointClient.TwoFactorRequiredError;

    /// <summary>
    /// The grant itself is no good (RFC 6749 §5.2 <c>invalid_grant</c>): a refresh token revoked, expired or replayed.
    /// Anything else (rate limits, server errors) says nothing about the sign-in.
    /// </summary>
    public bool SignInEnded => Error == "invalid_grant";
}
