using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Push;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Declarations;
using SaaSMdm.Core.Events;
using SaaSMdm.Core.Security;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Enrollments.CheckIns;

/// <summary>
/// TokenUpdate: stores how to push the channel. The first one completes an enrollment; on a user channel the
/// first one creates the channel under its device (and one after a user's CheckOut brings the channel back).
/// </summary>
public sealed partial class TokenUpdateHandler(
    CoreDbContext db,
    BoundEnrollments enrollments,
    TenantPushTopic pushTopic,
    DeclarationSync declarations,
    SecretProtector secrets,
    TimeProvider clock,
    ILogger<TokenUpdateHandler> logger) : CheckInHandler<TokenUpdateCheckIn>
{
    public override string MessageType => TokenUpdateCheckIn.Type;

    protected override async Task<CheckInOutcome> HandleAsync(TokenUpdateCheckIn message, DeviceCertificate certificate, CancellationToken cancellationToken)
    {
        EnsurePushable(message);
        var now = StoredTime.UtcNow(clock);
        var device = await enrollments.DeviceAsync(message.Channel, certificate, cancellationToken);
        if (await pushTopic.FindAsync(cancellationToken) != message.Topic)
        {
            throw new PermissionDeniedException("The TokenUpdate's topic is not this organization's push topic.");
        }

        var enrollment = message.Channel.ParentId is null ? device : await UserChannelAsync(device, message, now, cancellationToken);

        enrollment.Topic = message.Topic;
        enrollment.PushToken = message.Token.ToArray();
        enrollment.PushMagic = message.PushMagic;
        enrollment.PushTokenInvalidSince = null;
        enrollment.AwaitingConfiguration = message.AwaitingConfiguration;
        enrollment.TokenUpdateCount++;
        if (message.UnlockToken is { } unlockToken)
        {
            enrollment.ProtectedUnlockToken = secrets.Protect(SecretPurpose.UnlockToken, DeviceSecretLimits.EnsureWithin(unlockToken, "UnlockToken").Span);
        }

        var completesEnrollment = enrollment.State != EnrollmentState.Enrolled;
        if (completesEnrollment)
        {
            enrollment.State = EnrollmentState.Enrolled;
            enrollment.EnrolledAt = now;
            enrollment.CheckedOutAt = null;
            EventLog.Append(db, EventTypes.DeviceEnrolled, enrollment.TenantId, now, EventData.Enrolled(enrollment, device), enrollment);
            LogEnrolled(logger, enrollment.ChannelId, enrollment.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (completesEnrollment)
        {
            // The first DeclarativeManagement command turns DDM on for the channel, with its declarations' tokens.
            await declarations.SyncChannelAsync(enrollment, force: true, cancellationToken);
        }

        return new CheckInOutcome(DeviceReplies.Empty(), enrollment);
    }

    /// <summary>The same checks a push makes, now: a token or PushMagic APNs would refuse is refused at the door, not stored.</summary>
    private static void EnsurePushable(TokenUpdateCheckIn message)
    {
        if (!MdmPush.TryCreate(message.Token.Span, message.PushMagic, out _, out var problem))
        {
            throw new InvalidArgumentException("The TokenUpdate's push registration is unusable: " + problem);
        }
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
