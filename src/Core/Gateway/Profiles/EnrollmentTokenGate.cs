using Microsoft.EntityFrameworkCore;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Enrollments;
using SaaSMdm.Core.Security;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Gateway.Profiles;

/// <summary>
/// Decides whether an enrollment profile may be handed out: a valid enrollment token of the tenant, or none
/// when the tenant allows open enrollment. A token's use is taken only once the profile is ready.
/// </summary>
public sealed class EnrollmentTokenGate(CoreDbContext db, TimeProvider clock)
{
    /// <summary>The token that admits the download, or null when the tenant's open enrollment does. Changes nothing.</summary>
    /// <exception cref="PermissionDeniedException">no token where one is needed, or it is unknown, revoked, expired or used up.</exception>
    public async Task<EnrollmentTokenEntity?> AdmitAsync(TenantEntity tenant, string secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return tenant.OpenEnrollment
                ? null
                : throw new PermissionDeniedException("This organization enrolls devices with an enrollment link only: the enrollment token is missing.");
        }

        var hash = SecretHash.Of(secret);
        var token = await db.EnrollmentTokens.AsNoTracking().FirstOrDefaultAsync(t => t.SecretHash == hash, cancellationToken)
            ?? throw new PermissionDeniedException("The enrollment token is not valid for this organization.");
        if (token.RevokedAt is not null)
        {
            throw new PermissionDeniedException("The enrollment token has been revoked.");
        }

        if (token.ExpiresAt <= StoredTime.UtcNow(clock))
        {
            throw new PermissionDeniedException("The enrollment token has expired.");
        }

        return token.MaxUses > 0 && token.Uses >= token.MaxUses
            ? throw new PermissionDeniedException("The enrollment token has been used as often as it allows.")
            : token;
    }

    /// <summary>
    /// Takes one use in a single conditional update, so concurrent downloads never pass the limit. Call it in the
    /// transaction that stores what the download created.
    /// </summary>
    /// <exception cref="PermissionDeniedException">the token was used up (or revoked) since it was admitted.</exception>
    public async Task TakeUseAsync(EnrollmentTokenEntity token, CancellationToken cancellationToken)
    {
        var now = StoredTime.UtcNow(clock);
        var taken = await db.EnrollmentTokens
            .Where(t => t.Id == token.Id && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now) && (t.MaxUses == 0 || t.Uses < t.MaxUses))
            .ExecuteUpdateAsync(update => update.SetProperty(t => t.Uses, t => t.Uses + 1), cancellationToken);
        if (taken == 0)
        {
            throw new PermissionDeniedException("The enrollment token has been used as often as it allows.");
        }
    }
}
