using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Push;

/// <summary>
/// A paced re-push across all tenants: enrollments with queued commands whose last push is old, and enrollments
/// silent for long, a bounded number per tick, so an offline device always has a push waiting at APNs without
/// a storm when many come back. Each enrollment is claimed by moving its last push time with a conditional
/// update, so replicas sweeping at the same moment never push one device twice.
/// </summary>
public sealed partial class PushSweep(IServiceScopeFactory scopes, TenantPushes pushes, IOptions<ApnsOptions> options, TimeProvider clock, ILogger<PushSweep> logger)
    : BackgroundService
{
    /// <summary>One tick: picks, claims and pushes up to <see cref="ApnsOptions.SweepBatchSize"/> enrollments.</summary>
    /// <returns>The enrollments this tick claimed (and pushed, where their tenant has a certificate).</returns>
    public async Task<IReadOnlyList<Guid>> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = StoredTime.UtcNow(clock);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        var candidates = await Candidates(db, now, settings).ToListAsync(cancellationToken);

        var claimed = new List<Candidate>(candidates.Count);
        foreach (var candidate in candidates)
        {
            if (await ClaimAsync(db, candidate, now, cancellationToken))
            {
                claimed.Add(candidate);
            }
        }

        foreach (var tenant in claimed.GroupBy(c => c.TenantId))
        {
            await pushes.SendAsync(tenant.Key, tenant.Select(c => c.Id).ToArray(), cancellationToken);
        }

        if (claimed.Count > 0)
        {
            LogSwept(logger, claimed.Count, candidates.Count);
        }

        return claimed.Select(c => c.Id).ToList();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SweepIntervalSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(logger, e);
            }
        }
    }

    /// <summary>A system job across tenants, hence no query filter; oldest push first, never-pushed before all.</summary>
    private static IQueryable<Candidate> Candidates(CoreDbContext db, DateTime now, ApnsOptions settings)
    {
        var pendingCutoff = now.AddMinutes(-settings.PendingRepushMinutes);
        var silentCutoff = now.AddHours(-settings.SilentHoursBeforeRepush);
        return db.Enrollments.IgnoreQueryFilters()
            .Where(Pushable.Enrollment)
            .Where(e => db.PushCertificates.IgnoreQueryFilters().Any(p => p.TenantId == e.TenantId))
            .Where(e =>
                (db.CommandQueue.IgnoreQueryFilters().Any(q => q.EnrollmentId == e.Id) && (e.LastPushAt == null || e.LastPushAt < pendingCutoff))
                || ((e.LastSeenAt ?? e.AuthenticatedAt) < silentCutoff && (e.LastPushAt == null || e.LastPushAt < silentCutoff)))
            .OrderBy(e => e.LastPushAt != null).ThenBy(e => e.LastPushAt).ThenBy(e => e.Id)
            .Take(settings.SweepBatchSize)
            .Select(e => new Candidate(e.Id, e.TenantId, e.LastPushAt));
    }

    /// <summary>Moves the last push time only if no one else did since the candidate was read: one winner per enrollment.</summary>
    private static async Task<bool> ClaimAsync(CoreDbContext db, Candidate candidate, DateTime now, CancellationToken cancellationToken)
    {
        var seen = candidate.LastPushAt;
        var updated = await db.Enrollments.IgnoreQueryFilters()
            .Where(e => e.Id == candidate.Id && e.LastPushAt == seen)
            .ExecuteUpdateAsync(update => update.SetProperty(e => e.LastPushAt, now), cancellationToken);
        return updated == 1;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Push sweep claimed {Claimed} of {Candidates} enrollments")]
    private static partial void LogSwept(ILogger logger, int claimed, int candidates);

    [LoggerMessage(Level = LogLevel.Error, Message = "Push sweep failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);

    private sealed record Candidate(Guid Id, Guid TenantId, DateTime? LastPushAt);
}
