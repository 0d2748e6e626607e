using Microsoft.AspNetCore.Identity;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Identity.Tokens;

/// <summary>RFC 6749 §6: the portal trades a person's refresh token for a new access token and refresh token.</summary>
public sealed class RefreshTokenGrant(RefreshTokens refreshTokens, UserManager<PersonEntity> people, PersonTokens personTokens) : ITokenGrant
{
    private static readonly TokenError Refused = TokenError.InvalidGrant("The refresh token is not valid; sign in again.");

    public string GrantType => "refresh_token";

    public async Task<GrantResult> GrantAsync(ApiClientEntity client, IFormCollection form, CancellationToken cancellationToken)
    {
        var token = form["refresh_token"].ToString();
        if (token.Length is 0 or > 256)
        {
            return TokenError.InvalidRequest("refresh_token is required.");
        }

        var spent = await refreshTokens.SpendAsync(token, client.Id, cancellationToken);
        if (spent is null)
        {
            return Refused;
        }

        var person = await people.FindByIdAsync(spent.PersonId.ToString());
        if (person is null || await people.IsLockedOutAsync(person))
        {
            return Refused;
        }

        var issued = await personTokens.IssueAsync(person, client, spent.FamilyId, cancellationToken);
        return await refreshTokens.RevokedSinceAsync(spent.FamilyId, cancellationToken) ? Refused : issued;
    }
}
