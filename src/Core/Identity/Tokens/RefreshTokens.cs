using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Security;

namespace SaaSMdm.Core.Identity.Tokens;

/// <summary>
/// People's refresh tokens: random, stored hashed, spent on use (the answer carries the next one). A spent token
/// presented again means two parties hold it, so its whole family is revoked and the person signs in again.
/// </summary>
public sealed class RefreshTokens(CoreDbContext db, TimeProvider clock, IOptions<AuthOptions> options)
{
    /// <summary>A new token of <paramref name="familyId"/> (a new family when null), added to the context, not yet saved.</summary>
    public string Issue(Guid personId, Guid apiClientId, Guid? familyId)
    {
        var token = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var now = StoredTime.UtcNow(clock);
        db.RefreshTokens.Add(new RefreshTokenEntity
        {
            Id = Guid.NewGuid(),
            TokenHash = SecretHash.Of(token),
            FamilyId = familyId ?? Guid.NewGuid(),
            PersonId = personId,
            ApiClientId = apiClientId,
            CreatedAt = now,
            ExpiresAt = now + TimeSpan.FromDays(options.Value.RefreshTokenDays),
        });
        return token;
    }

    /// <summary>Spends <paramref name="token"/>; the row when it was live, else null (and a replayed token's family is revoked).</summary>
    public async Task<RefreshTokenEntity?> SpendAsync(string token, Guid apiClientId, CancellationToken cancellationToken)
    {
        var hash = SecretHash.Of(token);
        var row = await db.RefreshTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        var now = StoredTime.UtcNow(clock);
        if (row is null || row.ApiClientId != apiClientId || row.RevokedAt is not null || row.ExpiresAt <= now)
        {
            return null;
        }

        // Conditional, so two requests racing with the same token cannot both spend it; the loser is a replay too.
        var spent = row.UsedAt is null
            && await db.RefreshTokens.Where(t => t.Id == row.Id && t.UsedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.UsedAt, now), cancellationToken) == 1;
        if (!spent)
        {
            await RevokeFamilyAsync(row.FamilyId, now, cancellationToken);
            return null;
        }

        return row;
    }

    /// <summary>
    /// Whether a replay revoked the family while its next token was being issued; if so that token is revoked too,
    /// so a replay racing the rightful redemption never leaves a live token behind.
    /// </summary>
    public async Task<bool> RevokedSinceAsync(Guid familyId, CancellationToken cancellationToken)
    {
        if (!await db.RefreshTokens.AnyAsync(t => t.FamilyId == familyId && t.RevokedAt != null, cancellationToken))
        {
            return false;
        }

        await RevokeFamilyAsync(familyId, StoredTime.UtcNow(clock), cancellationToken);
        return true;
    }

    /// <summary>Revokes the family of <paramref name="token"/> when it is a refresh token of <paramref name="apiClientId"/>; anything else changes nothing.</summary>
    public async Task RevokeAsync(string token, Guid apiClientId, CancellationToken cancellationToken)
    {
        var hash = SecretHash.Of(token);
        var familyId = await db.RefreshTokens.Where(t => t.TokenHash == hash && t.ApiClientId == apiClientId)
            .Select(t => (Guid?)t.FamilyId).SingleOrDefaultAsync(cancellationToken);
        if (familyId is { } family)
        {
            await RevokeFamilyAsync(family, StoredTime.UtcNow(clock), cancellationToken);
        }
    }

    private Task<int> RevokeFamilyAsync(Guid familyId, DateTime now, CancellationToken cancellationToken) =>
        db.RefreshTokens.Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, now), cancellationToken);

    /// <summary>Revokes every live refresh token of the person: after a password change or reset, every session signs in again.</summary>
    public Task RevokeAllAsync(Guid personId, CancellationToken cancellationToken)
    {
        var now = StoredTime.UtcNow(clock);
        return db.RefreshTokens.Where(t => t.PersonId == personId && t.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, now), cancellationToken);
    }
}
