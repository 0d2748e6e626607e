using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Enrollments;
using SaaSMdm.Core.Security;

namespace SaaSMdm.Core.Gateway;

/// <summary>
/// One-time SCEP challenges: each enrollment profile carries a fresh one, stored only as a hash, and a
/// certificate request may spend it once within its lifetime.
/// </summary>
public sealed class ScepChallenges(CoreDbContext db, TenantContext tenant, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>A new challenge of 256 random bits, in hex so that it is a PrintableString in the CSR.</summary>
    public static string Create() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>Adds the challenge to the context of the current tenant; the caller saves it.</summary>
    public void Add(string challenge)
    {
        var now = StoredTime.UtcNow(clock);
        db.ScepChallenges.Add(new ScepChallengeEntity
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenant.TenantId,
            ChallengeHash = SecretHash.Of(challenge),
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        });
    }

    /// <summary>Spends the challenge: true once for an unused, unexpired challenge of the current tenant, false ever after.</summary>
    public async Task<bool> RedeemAsync(string challenge, CancellationToken cancellationToken)
    {
        var hash = SecretHash.Of(challenge);
        var now = StoredTime.UtcNow(clock);
        var redeemed = await db.ScepChallenges
            .Where(c => c.ChallengeHash == hash && c.UsedAt == null && c.ExpiresAt > now)
            .ExecuteUpdateAsync(update => update.SetProperty(c => c.UsedAt, now), cancellationToken);
        return redeemed == 1;
    }
}
