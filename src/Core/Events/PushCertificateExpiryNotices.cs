using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Maintenance;

namespace SaaSMdm.Core.Events;

/// <summary>
/// Warns each tenant that its APNs push certificate expires: a push_certificate.expiring event when it is within
/// 30, 14, 7 and 1 days of expiry, once per threshold (a certificate first seen at 10 days gets the 14-day notice,
/// then the 7- and 1-day ones). Runs on the retention sweep's cadence; every replica may run it, the notice's key
/// lets only one of them send each notice. A certificate expired more than <see cref="ExpiredGrace"/> ago is left
/// alone: the retention sweep deletes old notices, and announcing them again every run would be noise.
/// </summary>
public sealed partial class PushCertificateExpiryNotices(
    IServiceScopeFactory scopes,
    IOptions<RetentionOptions> cadence,
    TimeProvider clock,
    ILogger<PushCertificateExpiryNotices> logger) : BackgroundService
{
    private static readonly int[] ThresholdDays = [1, 7, 14, 30];

    private static readonly TimeSpan ExpiredGrace = TimeSpan.FromDays(1);

    /// <returns>How many notices this run sent.</returns>
    public async Task<int> CheckOnceAsync(CancellationToken cancellationToken)
    {
        var now = StoredTime.UtcNow(clock);
        var soonest = now.AddDays(ThresholdDays[^1]);
        var expiredLongAgo = now - ExpiredGrace;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();

        var expiring = await db.PushCertificates.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.NotAfter <= soonest && p.NotAfter >= expiredLongAgo)
            .Select(p => new { p.TenantId, p.Topic, p.NotAfter })
            .ToListAsync(cancellationToken);
        var tenants = expiring.Select(p => p.TenantId).ToList();
        var sent = (await db.PushCertificateNotices.IgnoreQueryFilters().AsNoTracking()
                .Where(n => tenants.Contains(n.TenantId))
                .Select(n => new { n.TenantId, n.NotAfter, n.ThresholdDays })
                .ToListAsync(cancellationToken))
            .Select(n => (n.TenantId, n.NotAfter, n.ThresholdDays))
            .ToHashSet();

        var notices = 0;
        foreach (var certificate in expiring)
        {
            var left = certificate.NotAfter - now;
            var threshold = ThresholdDays.First(days => left <= TimeSpan.FromDays(days));
            if (!sent.Contains((certificate.TenantId, certificate.NotAfter, threshold))
                && await TrySendAsync(db, certificate.TenantId, certificate.Topic, certificate.NotAfter, threshold, cancellationToken))
            {
                notices++;
            }
        }

        return notices;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        MaintenanceCadence.RunAsync(cadence.Value, clock, CheckOnceAsync, e => LogCheckFailed(logger, e), stoppingToken);

    /// <summary>
    /// The notice row and its event in one save; false when another replica sent this notice first. The event's time
    /// is read just before its save, since readers age gaps by it (see <see cref="EventReader"/>).
    /// </summary>
    private async Task<bool> TrySendAsync(CoreDbContext db, Guid tenantId, string topic, DateTime notAfter, int threshold, CancellationToken cancellationToken)
    {
        var now = StoredTime.UtcNow(clock);
        var daysLeft = Math.Max(0, (int)Math.Floor((notAfter - now).TotalDays));
        db.PushCertificateNotices.Add(new PushCertificateNoticeEntity { TenantId = tenantId, NotAfter = notAfter, ThresholdDays = threshold, SentAt = now });
        EventLog.Append(db, EventTypes.PushCertificateExpiring, tenantId, now, EventData.PushCertificateExpiring(topic, notAfter, daysLeft));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            LogNotice(logger, tenantId, topic, daysLeft);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Push certificate {Topic} of tenant {TenantId} expires in {DaysLeft} days; event sent")]
    private static partial void LogNotice(ILogger logger, Guid tenantId, string topic, int daysLeft);

    [LoggerMessage(Level = LogLevel.Error, Message = "Push certificate expiry check failed; it runs again at the next interval")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
