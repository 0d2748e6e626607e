using SaaSMdm.Contracts.Auth;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Identity.Tokens;

/// <summary>RFC 6749 §4.4: an API client gets a token for itself, with the scopes it asks for (all it holds by default).</summary>
public sealed class ClientCredentialsGrant(AccessTokens tokens, CoreDbContext db, TimeProvider clock) : ITokenGrant
{
    public string GrantType => "client_credentials";

    public async Task<GrantResult> GrantAsync(ApiClientEntity client, IFormCollection form, CancellationToken cancellationToken)
    {
        if (client.IsPortal)
        {
            return TokenError.UnauthorizedClient("The portal's client signs people in; it has no access of its own.");
        }

        var held = ApiScopes.Parse(client.Scopes) ?? new HashSet<string>();
        var requested = form.ContainsKey("scope") ? ApiScopes.Parse(form["scope"].ToString()) : held;
        if (requested is null || !requested.IsSubsetOf(held))
        {
            return TokenError.InvalidScope($"The client may ask for these scopes only: {ApiScopes.Format(held)}.");
        }

        var caller = new ApiCaller(CallerKind.Client, client.Id, client.ClientId, requested, client.TenantId, client.MspOrganizationId, client.IsOperator);
        var issued = await tokens.IssueAsync(caller, client.ClientId, cancellationToken);
        client.LastUsedAt = StoredTime.UtcNow(clock);
        await db.SaveChangesAsync(cancellationToken);
        return new TokenResponse(issued.AccessToken, "Bearer", issued.ExpiresInSeconds, ApiScopes.Format(requested), null);
    }
}
