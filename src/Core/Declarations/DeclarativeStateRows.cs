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

    /// <summary>
    /// Keeps the channel's current DeclarationsToken; its time changes only with the token, so the SyncTokens Timestamp
    /// stays the same across requests, commands and restarts. True when the row changed.
    /// </summary>
    public static bool RecordToken(this DeclarativeStateEntity state, string token, DateTime now)
    {
        if (state.DeclarationsToken == token && state.TokenChangedAt is not null)
        {
            return false;
        }

        state.DeclarationsToken = token;
        state.TokenChangedAt = now;
        return true;
    }
}
