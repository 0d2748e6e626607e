using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.IdentityModel.Tokens;
using SaaSMdm.Contracts.Auth;
using SaaSMdm.Core.Api.RateLimits;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Identity.Tokens;

/// <summary>
/// Core's OAuth2 endpoints on its HTTP address: <c>POST /oauth2/token</c> (client credentials, password, refresh token),
/// <c>GET /.well-known/jwks.json</c> (the public keys that check access tokens) and the RFC 8414 metadata.
/// </summary>
public static class TokenEndpoint
{
    public const string JwksPath = "/.well-known/jwks.json";

    public const string MetadataPath = "/.well-known/oauth-authorization-server";

    /// <summary>A token request is a few fields; anything bigger is not one.</summary>
    private const long MaxRequestBytes = 8 * 1024;

    private const int MaxTokenLength = 2048;

    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(TokenEndpointClient.Path, IssueAsync);
        app.MapPost(TokenEndpointClient.RevocationPath, RevokeAsync);
        app.MapGet(JwksPath, JwksAsync);
        app.MapGet(MetadataPath, Metadata);
        return app;
    }

    private static async Task<IResult> IssueAsync(
        HttpContext http, ClientAuthenticator clients, IEnumerable<ITokenGrant> grants, TokenClientRateLimiter clientLimits, CancellationToken cancellationToken)
    {
        var (form, malformed) = await ReadFormAsync(http, cancellationToken);
        if (form is null)
        {
            return Error(malformed!);
        }

        var grantType = form["grant_type"].ToString();
        var grant = grants.FirstOrDefault(g => g.GrantType == grantType);
        if (grant is null)
        {
            return Error(new TokenError("unsupported_grant_type", "grant_type must be client_credentials, password or refresh_token."));
        }

        var (client, refused) = await AuthenticateAsync(http, form, clients, clientLimits, cancellationToken);
        if (client is null)
        {
            return refused!;
        }

        var result = await grant.GrantAsync(client, form, cancellationToken);
        return result.Token is { } token ? Results.Json(token) : Error(result.Error!);
    }

    /// <summary>
    /// RFC 7009 revocation, for the refresh tokens of the calling client: revoking one ends its whole sign-in (its
    /// family), as when the portal signs a person out. Any other token, unknown or another client's, is answered 200
    /// alike and nothing changes, so the endpoint tells nobody which tokens exist. Access tokens expire on their own.
    /// </summary>
    private static async Task<IResult> RevokeAsync(
        HttpContext http, ClientAuthenticator clients, TokenClientRateLimiter clientLimits, RefreshTokens refreshTokens, CancellationToken cancellationToken)
    {
        var (form, malformed) = await ReadFormAsync(http, cancellationToken);
        if (form is null)
        {
            return Error(malformed!);
        }

        var (client, refused) = await AuthenticateAsync(http, form, clients, clientLimits, cancellationToken);
        if (client is null)
        {
            return refused!;
        }

        if (form["token"].ToString() is not { Length: > 0 and <= MaxTokenLength } token)
        {
            return Error(TokenError.InvalidRequest($"token (at most {MaxTokenLength} characters) is required."));
        }

        await refreshTokens.RevokeAsync(token, client.Id, cancellationToken);
        return Results.Ok();
    }

    /// <summary>The request's form, once it is one: url-encoded, within the size limit, each parameter once (RFC 6749 §3.2).</summary>
    private static async Task<(IFormCollection? Form, TokenError? Malformed)> ReadFormAsync(HttpContext http, CancellationToken cancellationToken)
    {
        NoStore(http.Response);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxRequestBytes;
        }

        if (!http.Request.HasFormContentType || http.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) != true)
        {
            return (null, TokenError.InvalidRequest("The body must be application/x-www-form-urlencoded."));
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException)
        {
            return (null, TokenError.InvalidRequest("The form is malformed or too large."));
        }

        return form.Any(field => field.Value.Count > 1)
            ? (null, TokenError.InvalidRequest("Each parameter may appear once (RFC 6749 §3.2)."))
            : (form, null);
    }

    /// <summary>The authenticated client within its rate limit, or the answer that refuses it.</summary>
    private static async Task<(ApiClientEntity? Client, IResult? Refused)> AuthenticateAsync(
        HttpContext http, IFormCollection form, ClientAuthenticator clients, TokenClientRateLimiter clientLimits, CancellationToken cancellationToken)
    {
        var (client, refused) = await clients.AuthenticateAsync(http.Request, form, cancellationToken);
        if (client is null)
        {
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"saasmdm\"";
            return (null, Error(refused!));
        }

        return clientLimits.TryAdmit(client) is { } retryAfter
            ? (null, TokenEndpointRateLimits.TooManyRequests(http.Response, retryAfter))
            : (client, null);
    }

    private static async Task<IResult> JwksAsync(SigningKeyRing keys, CancellationToken cancellationToken)
    {
        var published = await keys.PublishedKeysAsync(unknownKeyId: null, cancellationToken);
        var jwks = published.Select(key =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(key.Key);
            return new Dictionary<string, string>
            {
                ["kty"] = jwk.Kty,
                ["crv"] = jwk.Crv,
                ["x"] = jwk.X,
                ["y"] = jwk.Y,
                ["kid"] = key.Id,
                ["use"] = "sig",
                ["alg"] = SecurityAlgorithms.EcdsaSha256,
            };
        });
        return Results.Json(new { keys = jwks });
    }

    private static IResult Metadata(HttpContext http, Microsoft.Extensions.Options.IOptions<AuthOptions> options)
    {
        var origin = $"{http.Request.Scheme}://{http.Request.Host}";
        return Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = options.Value.Issuer,
            ["token_endpoint"] = origin + TokenEndpointClient.Path,
            ["jwks_uri"] = origin + JwksPath,
            ["revocation_endpoint"] = origin + TokenEndpointClient.RevocationPath,
            ["grant_types_supported"] = new[] { "client_credentials", "password", "refresh_token" },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_basic", "client_secret_post" },
            ["scopes_supported"] = ApiScopes.All.Order(StringComparer.Ordinal).ToArray(),
        });
    }

    private static IResult Error(TokenError error) =>
        Results.Json(new { error = error.Error, error_description = error.Description }, (JsonSerializerOptions?)null, statusCode: error.StatusCode);

    private static void NoStore(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
    }
}
