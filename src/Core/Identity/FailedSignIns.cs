using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SaaSMdm.Core.Data;

namespace SaaSMdm.Core.Identity;

/// <summary>
/// Counts a wrong password or code towards lockout with atomic updates in the database. Identity's own
/// <c>AccessFailedAsync</c> saves a count read before the (slow) password check, so guesses sent in parallel would
/// overwrite each other's count and together count as one.
/// </summary>
public sealed class FailedSignIns(CoreDbContext db, IOptions<IdentityOptions> identity, TimeProvider clock)
{
    public async Task RecordAsync(Guid personId, CancellationToken cancellationToken)
    {
        var lockout = identity.Value.Lockout;
        await db.Users.Where(p => p.Id == personId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.AccessFailedCount, p => p.AccessFailedCount + 1), cancellationToken);
        var until = clock.GetUtcNow() + lockout.DefaultLockoutTimeSpan;
        await db.Users.Where(p => p.Id == personId && p.LockoutEnabled && p.AccessFailedCount >= lockout.MaxFailedAccessAttempts)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.LockoutEnd, until).SetProperty(p => p.AccessFailedCount, 0), cancellationToken);
    }
}
