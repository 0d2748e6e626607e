namespace SaaSMdm.Core.Identity.Tokens;

/// <summary>An OAuth2 error answer (RFC 6749 §5.2); the description never repeats a secret the caller sent.</summary>
public sealed record TokenError(string Error, string Description, int StatusCode = StatusCodes.Status400BadRequest)
{
    public static TokenError InvalidRequest(string description) => new("invalid_request", description);

    public static TokenError InvalidClient(string description) => new("invalid_client", description, StatusCodes.Status401Unauthorized);

    public static TokenError InvalidGrant(string description) => new("invalid_grant", description);

    public static TokenError UnauthorizedClient(string description) => new("unauthorized_client", description);

    public static TokenError InvalidScope(string description) => new("invalid_scope", description);
}

/// <summary>What a grant produced: a token answer or an error.</summary>
public sealed record GrantResult(Contracts.Auth.TokenResponse? Token, TokenError? Error)
{
    public static implicit operator GrantResult(TokenError error) => new(null, error);

    public static implicit operator GrantResult(Contracts.Auth.TokenResponse token) => new(token, null);
}
