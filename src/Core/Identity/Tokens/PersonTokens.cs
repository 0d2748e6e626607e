using SaaSMdm.Contracts.Auth;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Identity.Tokens;

/// <summary>The answer to a person's sign-in or refresh: an access token and the next refresh token.</summary>
public sealed class PersonTokens(AccessTokens tokens, RefreshTokens refreshTokens, CoreDbContext db)
{
    /// <summary>A person's token holds every scope; their role in each tenant decides what they may do there.</summary>
    public async Task<TokenResponse> IssueAsync(PersonEntity person, ApiClientEntity client, Guid? familyId, CancellationToken cancellationToken)
    {
        var caller = new ApiCaller(CallerKind.Person, person.Id, person.Email ?? person.Id.ToString(), ApiScopes.All, null, null, IsOperator: false);
        var issued = await tokens.IssueAsync(caller, client.ClientId, cancellationToken);
        var refresh = refreshTokens.Issue(person.Id, client.Id, familyId);
        await db.SaveChangesAsync(cancellationToken);
        return new TokenResponse(issued.AccessToken, "Bearer", issued.ExpiresInSeconds, ApiScopes.Format(caller.Scopes), refresh);
    }
}
