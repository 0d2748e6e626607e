using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Commands;

/// <summary>
/// The per-enrollment command queue of the current tenant: in order, at least once, until answered.
/// Only pending work is queued; answers move to the results history.
/// </summary>
public interface ICommandQueue
{
    /// <summary>Stores the command once and queues it for every enrollment given, in one transaction.</summary>
    Task EnqueueAsync(CommandEntity command, IReadOnlyCollection<Guid> enrollmentIds, CancellationToken cancellationToken);

    /// <summary>
    /// The oldest command the enrollment has not answered. After an Idle report every queued command is due;
    /// after any other report, commands answered NotNow on this connection are skipped.
    /// </summary>
    Task<CommandEntity?> NextAsync(Guid enrollmentId, bool includeNotNow, CancellationToken cancellationToken);

    /// <summary>
    /// Records a final answer: the command leaves the queue and its result is kept. True when this answer did so;
    /// false when the command was not queued for the enrollment (never, or already answered or cancelled): the
    /// answer is then ignored.
    /// </summary>
    Task<bool> CompleteAsync(Guid enrollmentId, string commandId, CommandResultStatus status, byte[] resultPlist, CancellationToken cancellationToken);

    /// <summary>The device answered NotNow: the command stays queued and is asked again on a later connection.</summary>
    Task MarkNotNowAsync(Guid enrollmentId, string commandId, CancellationToken cancellationToken);

    /// <summary>Takes an unanswered command off the queue; false when it was not queued.</summary>
    Task<bool> CancelAsync(Guid enrollmentId, string commandId, CancellationToken cancellationToken);

    /// <summary>Drops everything queued for the enrollments (a new Authenticate, a CheckOut, a removal), in one statement.</summary>
    Task ClearAsync(IReadOnlyCollection<Guid> enrollmentIds, CancellationToken cancellationToken);
}
