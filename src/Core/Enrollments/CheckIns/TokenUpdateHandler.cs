using SaaSMdm.Apple.Mdm;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Security;

namespace SaaSMdm.Core.Enrollments.CheckIns;

/// <summary>
/// TokenUpdate: stores how to push the channel. The first one completes an enrollment; on a user channel the
/// first one creates the channel under its device (and one after a user's CheckOut brings the channel back).
/// </summary>
public sealed partial class TokenUpdateHandler(
    CoreDbContext db,
    BoundEnrollments enrollments,
    SecretProtector secrets,
    TimeProvider clock,
    ILogger<TokenUpdateHandler> logger) : CheckInHandler<TokenUpdateCheckIn>
{
    public override string MessageType => TokenUpdateCheckIn.Type;

    protected override async Task<CheckInOutcome> HandleAsync(TokenUpdateCheckIn message, DeviceCertificate certificate, CancellationToken cancellationToken)
    {
        var now = StoredTime.UtcNow(clock);
        var device = await enrollments.DeviceAsync(message.Channel, certificate, cancellationToken);
        var enrollment = message.Channel.ParentId is null ? device : await UserChannelAsync(device, message, now, cancellationToken);

        enrollment.Topic = message.Topic;
        enrollment.PushToken = message.Token.ToArray();
        enrollment.PushMagic = message.PushMagic;
        enrollment.PushTokenInvalidSince = null;
        enrollment.AwaitingConfiguration = message.AwaitingConfiguration;
        enrollment.TokenUpdateCount++;
        if (message.UnlockToken is { } unlockToken)
        {
            enrollment.ProtectedUnlockToken = secrets.Protect(SecretPurpose.UnlockToken, unlockToken.Span);
        }

        if (enrollment.State != EnrollmentState.Enrolled)
        {
            enrollment.State = EnrollmentState.Enrolled;
            enrollment.EnrolledAt = now;
            enrollment.CheckedOutAt = null;
            LogEnrolled(logger, enrollment.ChannelId, enrollment.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new CheckInOutcome(DeviceReplies.Empty(), enrollment);
    }

    private async Task<EnrollmentEntity> UserChannelAsync(EnrollmentEntity device, TokenUpdateCheckIn message, DateTime now, CancellationToken cancellationToken)
    {
        var channel = message.Channel;
        var user = await enrollments.FindUserChannelAsync(device, channel.Id, cancellationToken);
        if (user is null)
        {
            user = new EnrollmentEntity
            {
                Id = Guid.CreateVersion7(),
                TenantId = device.TenantId,
                ChannelId = channel.Id,
                Kind = EnrollmentKinds.Of(channel.Kind),
                ParentId = device.Id,
                State = EnrollmentState.Pending,
                Udid = device.Udid,
                AuthenticatedAt = now,
            };
            db.Enrollments.Add(user);
        }

        var identity = message.Identity;
        user.UserId = identity.UserId ?? identity.EnrollmentUserId;
        user.UserShortName = identity.UserShortName ?? user.UserShortName;
        user.UserLongName = identity.UserLongName ?? user.UserLongName;
        return user;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Enrollment {ChannelId} ({EnrollmentId}) is enrolled")]
    private static partial void LogEnrolled(ILogger logger, string channelId, Guid enrollmentId);
}
