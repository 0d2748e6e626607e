using System.Text;
using Microsoft.EntityFrameworkCore;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Commands;

public sealed class EfCommandQueue(CoreDbContext db, TenantContext tenant, TimeProvider clock) : ICommandQueue
{
    /// <summary>
    /// Each row costs one parameter (its enrollment id; the shared values are bound once), so a chunk stays well
    /// below every provider's parameter limit.
    /// </summary>
    private const int QueueRowsPerInsert = 1000;

    public async Task EnqueueAsync(CommandEntity command, IReadOnlyCollection<Guid> enrollmentIds, CancellationToken cancellationToken)
    {
        var now = StoredTime.UtcNow(clock);
        // Ticks order commands within an enrollment; one enqueue shares one sequence number.
        var sequence = now.Ticks;
        // A caller queuing several commands as one unit holds the transaction itself.
        await using var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        db.Commands.Add(command);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var chunk in enrollmentIds.Chunk(QueueRowsPerInsert))
        {
            var queued = await InsertQueueRowsAsync(command, chunk, sequence, now, cancellationToken);
            if (queued < chunk.Length)
            {
                // Callers resolve their targets first, so this is a bug; rolling back keeps it from queuing anything.
                await db.Database.RollbackTransactionAsync(cancellationToken);
                throw new InvalidOperationException(
                    $"Command {command.Id} names {chunk.Length - queued} enrollments that are not its tenant's (or names one twice); nothing was queued.");
            }
        }

        if (ownTransaction is not null)
        {
            await ownTransaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// One INSERT…SELECT per chunk: change-tracked entities made an enqueue to 10,000 targets take over a second,
    /// these a fraction of that on both databases. EF still binds the values, so they are stored as tracked entities would be.
    /// Raw SQL passes neither the query filter nor the tenant write guard, so the rows come from the command's
    /// tenant's own enrollments: an id of another tenant (or of no enrollment) inserts nothing.
    /// </summary>
    private Task<int> InsertQueueRowsAsync(CommandEntity command, Guid[] enrollmentIds, long sequence, DateTime queuedAt, CancellationToken cancellationToken)
    {
        object[] shared = [command.Id, command.TenantId, sequence, (int)QueuedCommandStatus.Pending, queuedAt, 0];
        var sql = new StringBuilder(
            "INSERT INTO command_queue (command_id, tenant_id, sequence, status, queued_at, not_now_count, enrollment_id) " +
            "SELECT {0}, {1}, {2}, {3}, {4}, {5}, e.id FROM enrollments e WHERE e.tenant_id = {1} AND e.id IN (");
        for (var i = 0; i < enrollmentIds.Length; i++)
        {
            sql.Append(i == 0 ? "{" : ", {").Append(shared.Length + i).Append('}');
        }

        sql.Append(')');
        return db.Database.ExecuteSqlRawAsync(sql.ToString(), [.. shared, .. enrollmentIds.Cast<object>()], cancellationToken);
    }

    public async Task<CommandEntity?> NextAsync(Guid enrollmentId, bool includeNotNow, CancellationToken cancellationToken)
    {
        var queued = db.CommandQueue.Where(q => q.EnrollmentId == enrollmentId);
        if (!includeNotNow)
        {
            queued = queued.Where(q => q.Status == QueuedCommandStatus.Pending);
        }

        return await queued
            .OrderBy(q => q.Sequence).ThenBy(q => q.CommandId)
            .Join(db.Commands, q => q.CommandId, c => c.Id, (_, command) => command)
            .AsNoTracking()
            .FirstOrDefaultAsync(cancellationToken);
    }

    public Task<bool> CompleteAsync(Guid enrollmentId, string commandId, CommandResultStatus status, byte[] resultPlist, CancellationToken cancellationToken) =>
        DequeueWithResultAsync(enrollmentId, commandId, status, resultPlist, cancellationToken);

    public Task MarkNotNowAsync(Guid enrollmentId, string commandId, CancellationToken cancellationToken)
    {
        var now = StoredTime.UtcNow(clock);
        return db.CommandQueue
            .Where(q => q.EnrollmentId == enrollmentId && q.CommandId == commandId)
            .ExecuteUpdateAsync(update => update
                .SetProperty(q => q.Status, QueuedCommandStatus.NotNow)
                .SetProperty(q => q.NotNowAt, now)
                .SetProperty(q => q.NotNowCount, q => q.NotNowCount + 1), cancellationToken);
    }

    public Task<bool> CancelAsync(Guid enrollmentId, string commandId, CancellationToken cancellationToken) =>
        DequeueWithResultAsync(enrollmentId, commandId, CommandResultStatus.Cancelled, resultPlist: null, cancellationToken);

    public Task ClearAsync(IReadOnlyCollection<Guid> enrollmentIds, CancellationToken cancellationToken) =>
        db.CommandQueue.Where(q => enrollmentIds.Contains(q.EnrollmentId)).ExecuteDeleteAsync(cancellationToken);

    /// <summary>
    /// Takes the command off the enrollment's queue and keeps the result, atomically. The delete decides who answers:
    /// of several callers (a retried report, a cancel racing the answer) only the one whose delete removed the row
    /// stores a result — one delivery, one result. The tenant's query filter scopes the delete, so the result belongs
    /// to the request's tenant.
    /// </summary>
    private async Task<bool> DequeueWithResultAsync(Guid enrollmentId, string commandId, CommandResultStatus status, byte[]? resultPlist, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await db.CommandQueue.Where(q => q.EnrollmentId == enrollmentId && q.CommandId == commandId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            return false;
        }

        db.CommandResults.Add(new CommandResultEntity
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenant.TenantId,
            EnrollmentId = enrollmentId,
            CommandId = commandId,
            Status = status,
            ResultPlist = resultPlist,
            ReceivedAt = StoredTime.UtcNow(clock),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
