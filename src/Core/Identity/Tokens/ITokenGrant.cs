using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Identity.Tokens;

/// <summary>One OAuth2 grant type of the token endpoint; the client is already authenticated.</summary>
public interface ITokenGrant
{
    string GrantType { get; }

    Task<GrantResult> GrantAsync(ApiClientEntity client, IFormCollection form, CancellationToken cancellationToken);
}
