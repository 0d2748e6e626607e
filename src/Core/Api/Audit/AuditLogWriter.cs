using Microsoft.EntityFrameworkCore;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Api.Audit;

/// <summary>
/// Writes audit entries in a scope and transaction of their own, so a handler's failure cannot roll an entry back and
/// an entry's failure cannot change what the caller gets: it is logged as an error and the call's result stands.
/// </summary>
public sealed partial class AuditLogWriter(IServiceScopeFactory scopes, ILogger<AuditLogWriter> logger)
{
    /// <summary>Adds <paramref name="entry"/> to its tenant's log, unless that tenant does not exist (nothing to attach it to).</summary>
    public async Task WriteAsync(AuditEntryEntity entry)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(entry.TenantId);
            var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();

            // The call has ended: its caller leaving must not lose the record of it.
            if (!await db.Tenants.AsNoTracking().AnyAsync(t => t.Id == entry.TenantId, CancellationToken.None))
            {
                return;
            }

            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            LogWriteFailed(logger, e, entry.Method, entry.TenantId, entry.Outcome);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write the audit entry of {Method} in tenant {TenantId} (outcome {Outcome}); the call's result stands")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string method, Guid tenantId, string outcome);
}
