using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SaaSMdm.Core.Data;

namespace SaaSMdm.Core.Maintenance;

/// <summary>
/// Deletes what has outlived its use, across tenants and in small batches: command results past the retention
/// period, commands that no queue row or result refers to any more, SCEP challenges long expired, raw DDM
/// status reports past theirs, audit log entries, events and webhook deliveries past theirs. Safe to
/// run on every replica at once: each delete only removes rows that qualify at that moment.
/// </summary>
public sealed partial class RetentionSweep(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionSweep> logger)
    : BackgroundService
{
    /// <summary>How long an expired challenge is kept, so a late SCEP request is refused as expired rather than unknown.</summary>
    private static readonly TimeSpan ExpiredChallengeGrace = TimeSpan.FromDays(1);

    public async Task<RetentionSweepResult> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = StoredTime.UtcNow(clock);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();

        var resultsBefore = now.AddDays(-settings.CommandResultDays);
        var results = await DeleteInBatchesAsync(settings.BatchSize, () => db.CommandResults.IgnoreQueryFilters()
            .Where(r => r.ReceivedAt < resultsBefore), cancellationToken);
        var commands = await DeleteInBatchesAsync(settings.BatchSize, () => db.Commands.IgnoreQueryFilters()
            .Where(c => c.CreatedAt < resultsBefore
                && !db.CommandQueue.IgnoreQueryFilters().Any(q => q.CommandId == c.Id)
                && !db.CommandResults.IgnoreQueryFilters().Any(r => r.CommandId == c.Id)), cancellationToken);
        var challengesBefore = now - ExpiredChallengeGrace;
        var challenges = await DeleteInBatchesAsync(settings.BatchSize, () => db.ScepChallenges.IgnoreQueryFilters()
            .Where(c => c.ExpiresAt < challengesBefore), cancellationToken);

        var reportsBefore = now.AddDays(-settings.StatusReportDays);
        var statusReports = await DeleteInBatchesAsync(settings.BatchSize, () => db.StatusReports.IgnoreQueryFilters()
            .Where(r => r.ReceivedAt < reportsBefore), cancellationToken);

        var auditBefore = now.AddDays(-settings.AuditDays);
        var auditEntries = await DeleteInBatchesAsync(settings.BatchSize, () => db.AuditEntries.IgnoreQueryFilters()
            .Where(e => e.OccurredAt < auditBefore), cancellationToken);

        var eventsBefore = now.AddDays(-settings.EventDays);
        var events = await DeleteInBatchesAsync(settings.BatchSize, () => db.Events.IgnoreQueryFilters()
            .Where(e => e.OccurredAt < eventsBefore), cancellationToken);
        await DeleteInBatchesAsync(settings.BatchSize, () => db.WebhookAttempts.IgnoreQueryFilters()
            .Where(a => a.AttemptedAt < eventsBefore), cancellationToken);
        var deliveries = await DeleteInBatchesAsync(settings.BatchSize, () => db.WebhookDeliveries.IgnoreQueryFilters()
            .Where(d => d.CreatedAt < eventsBefore), cancellationToken);
        await DeleteInBatchesAsync(settings.BatchSize, () => db.PushCertificateNotices.IgnoreQueryFilters()
            .Where(n => n.NotAfter < eventsBefore), cancellationToken);

        var result = new RetentionSweepResult(results, commands, challenges, statusReports, auditEntries, events, deliveries);
        if (result.Total > 0)
        {
            LogSwept(logger, results, commands, challenges, statusReports, auditEntries, events, deliveries);
        }

        return result;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        MaintenanceCadence.RunAsync(options.Value, clock, SweepOnceAsync, e => LogSweepFailed(logger, e), stoppingToken);

    /// <summary>Deletes the rows <paramref name="rows"/> selects, a batch per statement, until none is left.</summary>
    private static async Task<int> DeleteInBatchesAsync<T>(int batchSize, Func<IQueryable<T>> rows, CancellationToken cancellationToken)
    {
        var total = 0;
        int deleted;
        do
        {
            deleted = await rows().Take(batchSize).ExecuteDeleteAsync(cancellationToken);
            total += deleted;
        }
        while (deleted == batchSize);

        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention sweep deleted {Results} command results, {Commands} commands, {Challenges} SCEP challenges, {StatusReports} status reports, {AuditEntries} audit entries, {Events} events and {Deliveries} webhook deliveries")]
    private static partial void LogSwept(ILogger logger, int results, int commands, int challenges, int statusReports, int auditEntries, int events, int deliveries);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention sweep failed; it runs again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}

public sealed record RetentionSweepResult(int CommandResults, int Commands, int ScepChallenges, int StatusReports = 0, int AuditEntries = 0, int Events = 0, int WebhookDeliveries = 0)
{
    public int Total => CommandResults + Commands + ScepChallenges + StatusReports + AuditEntries + Events + WebhookDeliveries;
}
