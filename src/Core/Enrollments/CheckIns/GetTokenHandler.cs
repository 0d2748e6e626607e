using SaaSMdm.Apple.Mdm;

namespace SaaSMdm.Core.Enrollments.CheckIns;

/// <summary>GetToken: no token service is offered yet, so the answer is 404.</summary>
public sealed class GetTokenHandler(BoundEnrollments enrollments) : CheckInHandler<GetTokenCheckIn>
{
    public override string MessageType => GetTokenCheckIn.Type;

    protected override async Task<CheckInOutcome> HandleAsync(GetTokenCheckIn message, DeviceCertificate certificate, CancellationToken cancellationToken)
    {
        var enrollment = await enrollments.ChannelAsync(message.Channel, certificate, cancellationToken);
        return new CheckInOutcome(DeviceReplies.Text(404, $"The token service '{message.TokenServiceType}' is not available on this server yet."), enrollment.Channel);
    }
}
