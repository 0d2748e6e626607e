using SaaSMdm.Apple.Mdm;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Security;

namespace SaaSMdm.Core.Enrollments.CheckIns;

/// <summary>SetBootstrapToken: a Mac escrows its bootstrap token (kept encrypted); none, or an empty one, removes it.</summary>
public sealed class SetBootstrapTokenHandler(CoreDbContext db, BoundEnrollments enrollments, SecretProtector secrets)
    : CheckInHandler<SetBootstrapTokenCheckIn>
{
    public override string MessageType => SetBootstrapTokenCheckIn.Type;

    protected override async Task<CheckInOutcome> HandleAsync(SetBootstrapTokenCheckIn message, DeviceCertificate certificate, CancellationToken cancellationToken)
    {
        var device = await enrollments.DeviceAsync(message.Channel, certificate, cancellationToken);
        device.ProtectedBootstrapToken = message.BootstrapToken is { IsEmpty: false } token
            ? secrets.Protect(SecretPurpose.BootstrapToken, DeviceSecretLimits.EnsureWithin(token, "BootstrapToken").Span)
            : null;
        await db.SaveChangesAsync(cancellationToken);
        return new CheckInOutcome(DeviceReplies.Empty(), device);
    }
}
