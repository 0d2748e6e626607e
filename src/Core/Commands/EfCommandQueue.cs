using Microsoft.EntityFrameworkCore;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Commands;

public sealed class EfCommandQueue(CoreDbContext db, TimeProvider clock) : ICommandQueue
{
    public async Task EnqueueAsync(CommandEntity command, IReadOnlyCollection<Guid> enrollmentIds, CancellationToken cancellationToken)
    {
        var now = StoredTime.UtcNow(clock);
        // Ticks order commands within an enrollment; one enqueue shares one sequence number.
        var sequence = now.Ticks;
        db.Commands.Add(command);
        db.CommandQueue.AddRange(enrollmentIds.Select(enrollmentId => new QueuedCommandEntity
        {
            EnrollmentId = enrollmentId,
            CommandId = command.Id,
            TenantId = command.TenantId,
            Sequence = sequence,
            Status = QueuedCommandStatus.Pending,
            QueuedAt = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
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

    public async Task<CommandEntity?> CompleteAsync(Guid enrollmentId, string commandId, CommandResultStatus status, byte[] resultPlist, CancellationToken cancellationToken)
    {
        var command = await db.Commands.AsNoTracking().FirstOrDefaultAsync(c => c.Id == commandId, cancellationToken);
        if (command is null)
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.CommandQueue.Where(q => q.EnrollmentId == enrollmentId && q.CommandId == commandId).ExecuteDeleteAsync(cancellationToken);
        db.CommandResults.Add(new CommandResultEntity
        {
            Id = Guid.CreateVersion7(),
            TenantId = command.TenantId,
            EnrollmentId = enrollmentId,
            CommandId = commandId,
            Status = status,
            ResultPlist = resultPlist,
            ReceivedAt = StoredTime.UtcNow(clock),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return command;
    }

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

    public async Task<bool> CancelAsync(Guid enrollmentId, string commandId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await db.CommandQueue.Where(q => q.EnrollmentId == enrollmentId && q.CommandId == commandId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            return false;
        }

        var tenantId = await db.Commands.Where(c => c.Id == commandId).Select(c => c.TenantId).FirstAsync(cancellationToken);
        db.CommandResults.Add(new CommandResultEntity
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            EnrollmentId = enrollmentId,
            CommandId = commandId,
            Status = CommandResultStatus.Cancelled,
            ReceivedAt = StoredTime.UtcNow(clock),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    public Task ClearAsync(Guid enrollmentId, CancellationToken cancellationToken) =>
        db.CommandQueue.Where(q => q.EnrollmentId == enrollmentId).ExecuteDeleteAsync(cancellationToken);
}
