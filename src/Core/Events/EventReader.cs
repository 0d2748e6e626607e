using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Events;

/// <summary>
/// Reads the current tenant's events after a sequence number, in order, without ever skipping one that is still
/// to come. On PostgreSQL a sequence number is taken at insert and becomes visible at commit, so concurrent
/// transactions can make 7 visible before 6: a reader that took 7 and moved its cursor would never see 6. So a read
/// stops before the first gap whose next event is younger than <see cref="EventOptions.GapSettleSeconds"/> (its
/// number may still commit), and passes an older gap (a rolled-back insert). Gaps are judged in the log of all
/// tenants, since every tenant's events share the numbers; the check runs in the same statement as the read, so
/// both see the same committed rows. Reading all tenants' rows turns the query filter off for the whole statement, so
/// the request's tenant is named explicitly.
/// </summary>
public sealed class EventReader(CoreDbContext db, TenantContext tenant, IOptions<EventOptions> options, TimeProvider clock)
{
    public async Task<List<EventEntity>> ReadAsync(long after, IReadOnlyCollection<string> types, int limit, CancellationToken cancellationToken)
    {
        if (!tenant.HasTenant)
        {
            throw new InvalidOperationException("Events are read for one tenant; enter it first.");
        }

        var tenantId = tenant.TenantId;
        var settledBefore = StoredTime.UtcNow(clock).AddSeconds(-options.Value.GapSettleSeconds);
        // A gap matters only if it holds a number above the cursor, i.e. the event after it is above cursor + 1.
        var firstGapEnd = after + 2;
        var everyTenant = db.Events.IgnoreQueryFilters();
        var youngGapEnds = everyTenant
            .Where(next => next.Sequence >= firstGapEnd && next.OccurredAt > settledBefore
                && !everyTenant.Any(previous => previous.Sequence == next.Sequence - 1))
            .Select(next => (long?)next.Sequence);

        var events = db.Events.AsNoTracking()
            .Where(e => e.TenantId == tenantId && e.Sequence > after && e.Sequence < (youngGapEnds.Min() ?? long.MaxValue));
        if (types.Count > 0)
        {
            var wanted = types.ToArray();
            events = events.Where(e => wanted.Contains(e.Type));
        }

        return await events.OrderBy(e => e.Sequence).Take(limit).ToListAsync(cancellationToken);
    }
}
