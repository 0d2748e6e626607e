using SaaSMdm.Apple.Mdm;

namespace SaaSMdm.Core.Enrollments.CheckIns;

/// <summary>DeclarativeManagement: not served yet, so every endpoint is 404 (DDM arrives with the next issue).</summary>
public sealed class DeclarativeManagementHandler(BoundEnrollments enrollments) : CheckInHandler<DeclarativeManagementCheckIn>
{
    public override string MessageType => DeclarativeManagementCheckIn.Type;

    protected override async Task<CheckInOutcome> HandleAsync(DeclarativeManagementCheckIn message, DeviceCertificate certificate, CancellationToken cancellationToken)
    {
        var enrollment = await enrollments.ChannelAsync(message.Channel, certificate, cancellationToken);
        return new CheckInOutcome(DeviceReplies.Text(404, "Declarative Device Management is not available on this server yet."), enrollment.Channel);
    }
}
