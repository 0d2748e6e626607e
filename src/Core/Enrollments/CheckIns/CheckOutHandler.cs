using Microsoft.EntityFrameworkCore;
using SaaSMdm.Apple.Mdm;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Events;

namespace SaaSMdm.Core.Enrollments.CheckIns;

/// <summary>CheckOut: the MDM profile was removed. The channel (on the device channel, every channel of the device) checks out; its queue and declarative state empty.</summary>
public sealed partial class CheckOutHandler(
    CoreDbContext db,
    BoundEnrollments enrollments,
    EnrollmentChannelRemoval removal,
    TimeProvider clock,
    ILogger<CheckOutHandler> logger) : CheckInHandler<CheckOutCheckIn>
{
    public override string MessageType => CheckOutCheckIn.Type;

    protected override async Task<CheckInOutcome> HandleAsync(CheckOutCheckIn message, DeviceCertificate certificate, CancellationToken cancellationToken)
    {
        var (device, channel) = await enrollments.ChannelAsync(message.Channel, certificate, cancellationToken);
        List<EnrollmentEntity> leaving = [channel];
        if (message.Channel.ParentId is null)
        {
            leaving.AddRange(await db.Enrollments
                .Where(e => e.ParentId == device.Id && e.State != EnrollmentState.CheckedOut)
                .ToListAsync(cancellationToken));
        }

        var now = StoredTime.UtcNow(clock);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var enrollment in leaving)
        {
            enrollment.State = EnrollmentState.CheckedOut;
            enrollment.CheckedOutAt = now;
        }

        await removal.LeaveAsync([.. leaving.Select(e => e.Id)], cancellationToken);
        EventLog.Append(db, EventTypes.DeviceCheckedOut, channel.TenantId, now, EventData.CheckedOut("check_out", leaving.Count), channel);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogCheckedOut(logger, channel.ChannelId, leaving.Count);
        return new CheckInOutcome(DeviceReplies.Empty(), channel);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Enrollment {ChannelId} checked out ({Channels} channels)")]
    private static partial void LogCheckedOut(ILogger logger, string channelId, int channels);
}
