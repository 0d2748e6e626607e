using Microsoft.EntityFrameworkCore;
using SaaSMdm.Apple.Ddm;
using SaaSMdm.Apple.Mdm;
using SaaSMdm.Core.Commands;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Push;

namespace SaaSMdm.Core.Declarations;

/// <summary>
/// Tells enrollment channels that their declarations changed: computes each one's DeclarationsToken, and where it
/// differs from the token the channel was last told about, queues a DeclarativeManagement command and a push.
/// Channels sharing a token share one command that carries the tokens, which saves each device the
/// <c>tokens</c> request; a still-queued older DeclarativeManagement command is superseded, so changes in quick
/// succession do not pile up syncs.
/// </summary>
public sealed partial class DeclarationSync(
    CoreDbContext db,
    TenantContext tenant,
    EffectiveDeclarations effective,
    ICommandQueue queue,
    IPushNotifier pushes,
    TimeProvider clock,
    ILogger<DeclarationSync> logger)
{
    /// <summary>
    /// Distinct tokens that get a command of their own; channels beyond share one command without tokens. Each channel's
    /// management properties carry its rollout ring, so a fleet with the same sets has up to 100 distinct tokens: all fit.
    /// </summary>
    public const int MaxCommandsWithTokens = 128;

    private const string RequestType = "DeclarativeManagement";

    private const int EnrollmentsPerChunk = 2000;

    /// <param name="force">Notify even when the token is unchanged: the first TokenUpdate turns DDM on this way.</param>
    public async Task<DeclarationSyncResult> SyncAsync(IReadOnlyCollection<Guid> enrollmentIds, bool force, CancellationToken cancellationToken)
    {
        var enrolled = new List<Guid>(enrollmentIds.Count);
        foreach (var chunk in enrollmentIds.Distinct().Chunk(EnrollmentsPerChunk))
        {
            enrolled.AddRange(await db.Enrollments.AsNoTracking()
                .Where(e => EF.Parameter(chunk).Contains(e.Id) && e.State == EnrollmentState.Enrolled)
                .Select(e => e.Id)
                .ToListAsync(cancellationToken));
        }

        return await SyncResolvedAsync([.. (await effective.ForEnrollmentsAsync(enrolled, cancellationToken)).Values], force, cancellationToken);
    }

    /// <summary>
    /// One channel the caller holds, on a device request (its first TokenUpdate, a status report with new
    /// capabilities): resolved the way the device's own requests are, without the bulk path's queries.
    /// </summary>
    public async Task<DeclarationSyncResult> SyncChannelAsync(EnrollmentEntity channel, bool force, CancellationToken cancellationToken) =>
        channel.State == EnrollmentState.Enrolled
            ? await SyncResolvedAsync([await effective.ForChannelAsync(channel, cancellationToken)], force, cancellationToken)
            : new DeclarationSyncResult(0, 0, 0);

    /// <summary>Every enrolled channel of the tenant: what an API caller runs after a batch of changes made without notifying.</summary>
    public async Task<DeclarationSyncResult> SyncTenantAsync(CancellationToken cancellationToken)
    {
        var all = await db.Enrollments.AsNoTracking()
            .Where(e => e.State == EnrollmentState.Enrolled)
            .Select(e => e.Id)
            .ToListAsync(cancellationToken);
        return await SyncResolvedAsync([.. (await effective.ForEnrollmentsAsync(all, cancellationToken)).Values], force: false, cancellationToken);
    }

    private async Task<DeclarationSyncResult> SyncResolvedAsync(IReadOnlyList<EnrollmentDeclarations> resolved, bool force, CancellationToken cancellationToken)
    {
        if (resolved.Count == 0)
        {
            return new DeclarationSyncResult(0, 0, 0);
        }

        var now = StoredTime.UtcNow(clock);
        var changed = await RecordTokensAsync(resolved, force, now, cancellationToken);
        var commands = await NotifyAsync(changed, now, cancellationToken);
        LogSynced(logger, tenant.TenantId, resolved.Count, changed.Count, commands);
        return new DeclarationSyncResult(resolved.Count, changed.Count, commands);
    }

    /// <summary>Stores the new tokens; returns the channels to notify, with their token.</summary>
    private async Task<List<(Guid EnrollmentId, string Token, DateTime ChangedAt)>> RecordTokensAsync(
        IReadOnlyList<EnrollmentDeclarations> resolved, bool force, DateTime now, CancellationToken cancellationToken)
    {
        var changed = new List<(Guid, string, DateTime)>();
        var recorded = new List<DeclarativeStateEntity>(resolved.Count);
        foreach (var chunk in resolved.Chunk(EnrollmentsPerChunk))
        {
            var ids = chunk.Select(r => r.EnrollmentId).ToArray();
            var states = await db.DeclarativeStates
                .Where(s => EF.Parameter(ids).Contains(s.EnrollmentId))
                .ToDictionaryAsync(s => s.EnrollmentId, cancellationToken);
            foreach (var declarations in chunk)
            {
                var (enrollmentId, token) = (declarations.EnrollmentId, declarations.DeclarationsToken);
                if (!states.TryGetValue(enrollmentId, out var state))
                {
                    state = new DeclarativeStateEntity { EnrollmentId = enrollmentId, TenantId = tenant.TenantId };
                    db.DeclarativeStates.Add(state);
                }
                else if (state.DeclarationsToken == token && !force)
                {
                    continue;
                }

                state.RecordToken(token, now);
                recorded.Add(state);
                changed.Add((enrollmentId, token, state.TokenChangedAt!.Value));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        // Thousands of tracked rows would slow every later save of the scope; the caller's own entities stay tracked.
        foreach (var state in recorded)
        {
            db.Entry(state).State = EntityState.Detached;
        }

        return changed;
    }

    private async Task<int> NotifyAsync(List<(Guid EnrollmentId, string Token, DateTime ChangedAt)> changed, DateTime now, CancellationToken cancellationToken)
    {
        if (changed.Count == 0)
        {
            return 0;
        }

        var ids = changed.Select(c => c.EnrollmentId).ToList();
        await SupersedeQueuedAsync(ids, cancellationToken);

        // The tokens a command carries are exactly what the channel's tokens endpoint answers, timestamp included.
        var byToken = changed.GroupBy(c => new SyncTokens(c.Token, new DateTimeOffset(c.ChangedAt, TimeSpan.Zero)), c => c.EnrollmentId)
            .OrderByDescending(g => g.Count())
            .ToList();
        var commands = 0;
        foreach (var group in byToken.Take(MaxCommandsWithTokens))
        {
            var tokens = new TokensResponse(group.Key).ToJson();
            await EnqueueAsync(MdmCommands.DeclarativeManagement(tokens), group.ToList(), now, cancellationToken);
            commands++;
        }

        var rest = byToken.Skip(MaxCommandsWithTokens).SelectMany(g => g).ToList();
        if (rest.Count > 0)
        {
            await EnqueueAsync(MdmCommands.DeclarativeManagement(), rest, now, cancellationToken);
            commands++;
        }

        pushes.Request(tenant.TenantId, ids);
        return commands;
    }

    private Task EnqueueAsync(CommandRequest command, IReadOnlyCollection<Guid> enrollmentIds, DateTime now, CancellationToken cancellationToken) =>
        queue.EnqueueAsync(new CommandEntity
        {
            Id = command.CommandUuid,
            TenantId = tenant.TenantId,
            RequestType = command.RequestType,
            Plist = command.ToXml(),
            CreatedAt = now,
        }, enrollmentIds, cancellationToken);

    /// <summary>An undelivered DeclarativeManagement command is redundant once a newer one is queued: the device syncs to the latest anyway.</summary>
    private async Task SupersedeQueuedAsync(List<Guid> enrollmentIds, CancellationToken cancellationToken)
    {
        foreach (var chunk in enrollmentIds.Chunk(EnrollmentsPerChunk))
        {
            await db.CommandQueue
                .Where(q => EF.Parameter(chunk).Contains(q.EnrollmentId)
                    && db.Commands.Any(c => c.Id == q.CommandId && c.RequestType == RequestType))
                .ExecuteDeleteAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Declarations of tenant {TenantId}: {Checked} enrollments checked, {Notified} notified with {Commands} commands")]
    private static partial void LogSynced(ILogger logger, Guid tenantId, int @checked, int notified, int commands);
}
