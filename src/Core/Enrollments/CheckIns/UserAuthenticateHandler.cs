using SaaSMdm.Apple.Mdm;

namespace SaaSMdm.Core.Enrollments.CheckIns;

/// <summary>
/// UserAuthenticate: a macOS user asks for a user channel. Until user authentication exists the server declines
/// with 410 Gone, Apple's answer for a server that offers no user channel to this user; the device channel carries on.
/// </summary>
public sealed class UserAuthenticateHandler(BoundEnrollments enrollments) : CheckInHandler<UserAuthenticateCheckIn>
{
    public override string MessageType => UserAuthenticateCheckIn.Type;

    protected override async Task<CheckInOutcome> HandleAsync(UserAuthenticateCheckIn message, DeviceCertificate certificate, CancellationToken cancellationToken)
    {
        var device = await enrollments.DeviceAsync(message.Channel, certificate, cancellationToken);
        return new CheckInOutcome(DeviceReplies.Status(410), device);
    }
}
