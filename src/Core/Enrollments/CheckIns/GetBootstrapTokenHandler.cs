using SaaSMdm.Apple.Mdm;
using SaaSMdm.Core.Security;

namespace SaaSMdm.Core.Enrollments.CheckIns;

/// <summary>GetBootstrapToken: a Mac asks for its escrowed token; the answer is an empty dictionary when there is none.</summary>
public sealed class GetBootstrapTokenHandler(BoundEnrollments enrollments, SecretProtector secrets) : CheckInHandler<GetBootstrapTokenCheckIn>
{
    public override string MessageType => GetBootstrapTokenCheckIn.Type;

    protected override async Task<CheckInOutcome> HandleAsync(GetBootstrapTokenCheckIn message, DeviceCertificate certificate, CancellationToken cancellationToken)
    {
        var device = await enrollments.DeviceAsync(message.Channel, certificate, cancellationToken);
        var token = device.ProtectedBootstrapToken is { } stored
            ? new ReadOnlyMemory<byte>(secrets.Unprotect(SecretPurpose.BootstrapToken, stored))
            : (ReadOnlyMemory<byte>?)null;
        return new CheckInOutcome(DeviceReplies.Plist(GetBootstrapTokenCheckIn.Response(token)), device);
    }
}
