using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SaaSMdm.Apple.Push;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Push;

/// <summary>
/// Pushes enrollments of the current tenant with its push certificate, in batches, and records what APNs said:
/// the time of each delivered push, and tokens APNs will never accept again.
/// </summary>
public sealed partial class PushSender(
    CoreDbContext db, TenantContext tenant, ApnsClients clients, IOptions<ApnsOptions> options, TimeProvider clock, ILogger<PushSender> logger)
{
    /// <summary>
    /// Pushes the enrollments given that can be pushed (<see cref="Pushable"/>); the others are left out of the results.
    /// Nothing is sent when the tenant has no push certificate.
    /// </summary>
    public async Task<IReadOnlyList<PushResult>> SendAsync(IReadOnlyCollection<Guid> enrollmentIds, CancellationToken cancellationToken)
    {
        var certificate = await db.PushCertificates.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (certificate is null)
        {
            LogNoCertificate(logger, tenant.TenantId, enrollmentIds.Count);
            return [];
        }

        using var lease = clients.Acquire(certificate);
        var results = new List<PushResult>(enrollmentIds.Count);
        foreach (var batch in enrollmentIds.Chunk(options.Value.DispatchBatchSize))
        {
            results.AddRange(await SendBatchAsync(lease.Client, batch, cancellationToken));
        }

        return results;
    }

    private async Task<IReadOnlyList<PushResult>> SendBatchAsync(ApnsClient client, Guid[] batch, CancellationToken cancellationToken)
    {
        var targets = await db.Enrollments.AsNoTracking()
            .Where(e => batch.Contains(e.Id))
            .Where(Pushable.Enrollment)
            .Select(e => new PushTarget(e.Id, e.PushToken!, e.PushMagic!))
            .ToListAsync(cancellationToken);

        var pushes = new List<MdmPush>(targets.Count);
        var sent = new List<PushTarget>(targets.Count);
        var results = new List<PushResult>(targets.Count);
        foreach (var target in targets)
        {
            if (target.ToPush() is { } push)
            {
                pushes.Add(push);
                sent.Add(target);
            }
            else
            {
                // A token or PushMagic APNs could never accept: as good as a refused token.
                results.Add(new PushResult(target.EnrollmentId, new InvalidToken("MalformedStoredToken", null) { Attempts = 0 }));
            }
        }

        var outcomes = await client.SendManyAsync(pushes, cancellationToken);
        results.AddRange(sent.Select((target, i) => new PushResult(target.EnrollmentId, outcomes[i])));
        await RecordAsync(targets, results, cancellationToken);
        return results;
    }

    private async Task RecordAsync(List<PushTarget> targets, List<PushResult> results, CancellationToken cancellationToken)
    {
        var now = StoredTime.UtcNow(clock);
        var delivered = results.Where(r => r.Outcome is Delivered).Select(r => r.EnrollmentId).ToArray();
        if (delivered.Length > 0)
        {
            await db.Enrollments.Where(e => delivered.Contains(e.Id))
                .ExecuteUpdateAsync(update => update.SetProperty(e => e.LastPushAt, now), cancellationToken);
        }

        var tokens = targets.ToDictionary(t => t.EnrollmentId, t => t.Token);
        foreach (var result in results.Where(r => r.Outcome is InvalidToken))
        {
            var token = tokens[result.EnrollmentId];
            // Only the token that was refused: a TokenUpdate may have replaced it while the push was on its way.
            await db.Enrollments.Where(e => e.Id == result.EnrollmentId && e.PushToken == token)
                .ExecuteUpdateAsync(update => update.SetProperty(e => e.PushTokenInvalidSince, now), cancellationToken);
        }

        if (results.FirstOrDefault(r => r.Outcome is CertificateRejected) is { } rejected)
        {
            LogCertificateRejected(logger, tenant.TenantId, rejected.Describe());
        }

        var failures = results.Where(r => r.Outcome is Rejected or Failed).ToList();
        if (failures.Count > 0)
        {
            LogFailures(logger, tenant.TenantId, failures.Count, results.Count, failures[0].Describe());
        }

        LogSent(logger, tenant.TenantId, delivered.Length, results.Count);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {TenantId} has no push certificate; {Count} pushes not sent")]
    private static partial void LogNoCertificate(ILogger logger, Guid tenantId, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "APNs refused the push certificate of tenant {TenantId}: {Outcome}. No push reaches its devices until the certificate is renewed or replaced")]
    private static partial void LogCertificateRejected(ILogger logger, Guid tenantId, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {TenantId}: {Failed} of {Count} pushes were not delivered, e.g. {Outcome}")]
    private static partial void LogFailures(ILogger logger, Guid tenantId, int failed, int count, string outcome);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Tenant {TenantId}: {Delivered} of {Count} pushes delivered")]
    private static partial void LogSent(ILogger logger, Guid tenantId, int delivered, int count);

    private sealed record PushTarget(Guid EnrollmentId, byte[] Token, string PushMagic)
    {
        public MdmPush? ToPush() => MdmPush.TryCreate(Token, PushMagic, out var push, out _) ? push : null;
    }
}
