using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SaaSMdm.Core.Identity;

/// <summary>Issues and checks Core's access tokens: short-lived JWTs signed ES256 with the <see cref="SigningKeyRing"/>.</summary>
public sealed class AccessTokens(SigningKeyRing keys, TimeProvider clock, IOptions<AuthOptions> options)
{
    private const string KindClaim = "saasmdm_kind";
    private const string TenantClaim = "saasmdm_tenant";
    private const string MspClaim = "saasmdm_msp";
    private const string OperatorClaim = "saasmdm_operator";
    private const string ScopeClaim = "scope";
    private const string ClientIdClaim = "client_id";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>A signed token for <paramref name="caller"/>; <paramref name="clientId"/> is the client that asked for it.</summary>
    public async Task<IssuedToken> IssueAsync(ApiCaller caller, string clientId, CancellationToken cancellationToken)
    {
        var key = await keys.SigningKeyAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now + options.Value.AccessTokenLifetime;
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = caller.SubjectId.ToString(),
            [JwtRegisteredClaimNames.Name] = caller.Name,
            [JwtRegisteredClaimNames.Jti] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)),
            [KindClaim] = caller.Kind == CallerKind.Person ? "person" : "client",
            [ScopeClaim] = ApiScopes.Format(caller.Scopes),
            [ClientIdClaim] = clientId,
        };
        if (caller.TenantId is { } tenant)
        {
            claims[TenantClaim] = tenant.ToString();
        }

        if (caller.MspOrganizationId is { } msp)
        {
            claims[MspClaim] = msp.ToString();
        }

        if (caller.IsOperator)
        {
            claims[OperatorClaim] = true;
        }

        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.EcdsaSha256),
        });
        return new IssuedToken(token, (int)options.Value.AccessTokenLifetime.TotalSeconds);
    }

    /// <summary>The caller a token names, or why it is refused (without echoing the token).</summary>
    public async Task<TokenCheck> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (!_handler.CanReadToken(token))
        {
            return TokenCheck.Refused("The access token is not a JWT.");
        }

        string? keyId;
        try
        {
            keyId = _handler.ReadJsonWebToken(token).Kid;
        }
        catch (Exception exception) when (exception is ArgumentException or SecurityTokenMalformedException)
        {
            return TokenCheck.Refused("The access token is not a JWT.");
        }

        var published = await keys.PublishedKeysAsync(keyId, cancellationToken);
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = options.Value.Issuer,
            ValidAudience = options.Value.Audience,
            IssuerSigningKeys = published.Select(key => key.Key),
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ClockSkew = options.Value.ClockSkew,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            LifetimeValidator = (notBefore, expires, _, parameters) => Lifetime(notBefore, expires, parameters),
        });
        if (!result.IsValid)
        {
            return TokenCheck.Refused(Reason(result.Exception));
        }

        return ToCaller(result.ClaimsIdentity) is { } caller ? TokenCheck.Valid(caller) : TokenCheck.Refused("The access token lacks Core's claims.");
    }

    /// <summary>Against the injected clock, so tests and replicas agree on "now".</summary>
    private bool Lifetime(DateTime? notBefore, DateTime? expires, TokenValidationParameters parameters)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return expires is { } end && now < end + parameters.ClockSkew && (notBefore is not { } start || start - parameters.ClockSkew <= now);
    }

    private static string Reason(Exception? exception) => exception switch
    {
        SecurityTokenInvalidLifetimeException or SecurityTokenExpiredException => "The access token has expired.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The access token's signature is not Core's.",
        SecurityTokenInvalidIssuerException or SecurityTokenInvalidAudienceException => "The access token was not issued for this API.",
        _ => "The access token is not valid.",
    };

    private static ApiCaller? ToCaller(ClaimsIdentity identity)
    {
        string? Claim(string type) => identity.FindFirst(type)?.Value;
        if (!Guid.TryParse(Claim(JwtRegisteredClaimNames.Sub), out var subject) || Claim(KindClaim) is not ("person" or "client") || Claim(JwtRegisteredClaimNames.Name) is not { } name)
        {
            return null;
        }

        return new ApiCaller(
            Claim(KindClaim) == "person" ? CallerKind.Person : CallerKind.Client,
            subject,
            name,
            (Claim(ScopeClaim) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal),
            Guid.TryParse(Claim(TenantClaim), out var tenant) ? tenant : null,
            Guid.TryParse(Claim(MspClaim), out var msp) ? msp : null,
            Claim(OperatorClaim) == "true");
    }
}

public sealed record IssuedToken(string AccessToken, int ExpiresInSeconds);

public sealed record TokenCheck(ApiCaller? Caller, string? Problem)
{
    public static TokenCheck Valid(ApiCaller caller) => new(caller, null);

    public static TokenCheck Refused(string problem) => new(null, problem);
}
