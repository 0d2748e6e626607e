using Microsoft.EntityFrameworkCore;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Declarations;

public static class DeclarativeStateRows
{
    /// <summary>The channel's declarative state, tracked; a new row (added, not yet saved) when it has none yet.</summary>
    public static async Task<DeclarativeStateEntity> FindOrAddAsync(this DbSet<DeclarativeStateEntity> states, EnrollmentEntity channel, CancellationToken cancellationToken)
    {
        var state = await states.FirstOrDefaultAsync(s => s.EnrollmentId == channel.Id, cancellationToken);
        if (state is null)
        {
            state = new DeclarativeStateEntity { EnrollmentId = channel.Id, TenantId = channel.TenantId };
            states.Add(state);
        }

        return state;
    }
}
