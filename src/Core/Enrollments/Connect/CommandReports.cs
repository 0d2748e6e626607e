using Microsoft.EntityFrameworkCore;
using SaaSMdm.Apple.Mdm;
using SaaSMdm.Core.Commands;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Enrollments.Inventory;
using SaaSMdm.Core.Events;

namespace SaaSMdm.Core.Enrollments.Connect;

/// <summary>
/// Applies what a device reports about a command: a final answer leaves the queue with its result (and updates
/// inventory), NotNow keeps it queued. Answers to commands not queued for the enrollment are ignored.
/// </summary>
public sealed partial class CommandReports(CoreDbContext db, ICommandQueue queue, InventoryRecorder inventory, TimeProvider clock, ILogger<CommandReports> logger)
{
    public async Task RecordAsync(ChannelEnrollment enrollment, CommandReport report, byte[] reportPlist, CancellationToken cancellationToken)
    {
        if (report.Status == CommandStatus.Idle)
        {
            return;
        }

        var enrollmentId = enrollment.Channel.Id;
        var commandId = report.CommandUuid!;
        if (report.Status == CommandStatus.NotNow)
        {
            await queue.MarkNotNowAsync(enrollmentId, commandId, cancellationToken);
            return;
        }

        var requestType = await db.CommandQueue
            .Where(q => q.EnrollmentId == enrollmentId && q.CommandId == commandId)
            .Join(db.Commands, q => q.CommandId, c => c.Id, (_, command) => command.RequestType)
            .FirstOrDefaultAsync(cancellationToken);
        if (requestType is null)
        {
            LogNotQueued(logger, report.Status, commandId, enrollment.Channel.ChannelId);
            return;
        }

        var status = report.Status switch
        {
            CommandStatus.Acknowledged => CommandResultStatus.Acknowledged,
            CommandStatus.Error => CommandResultStatus.Error,
            _ => CommandResultStatus.CommandFormatError,
        };
        if (status == CommandResultStatus.Acknowledged && !await inventory.TryRecordAsync(enrollment, requestType, report, cancellationToken))
        {
            status = CommandResultStatus.Error;
        }

        // Saved with the result, in its transaction: the event exists exactly when this answer was the one recorded.
        var answered = EventLog.Append(
            db,
            status == CommandResultStatus.Acknowledged ? EventTypes.CommandAcknowledged : EventTypes.CommandError,
            enrollment.Channel.TenantId,
            StoredTime.UtcNow(clock),
            EventData.CommandResult(commandId, requestType, status, report.ErrorChain),
            enrollment.Channel);
        if (!await queue.CompleteAsync(enrollmentId, commandId, status, reportPlist, cancellationToken))
        {
            // A concurrent answer or a cancellation took it off the queue since it was looked up.
            db.Entry(answered).State = EntityState.Detached;
            LogNotQueued(logger, report.Status, commandId, enrollment.Channel.ChannelId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored {Status} for command {CommandId}, which is not queued for {ChannelId}")]
    private static partial void LogNotQueued(ILogger logger, CommandStatus status, string commandId, string channelId);
}
