using Microsoft.EntityFrameworkCore;
using SaaSMdm.Apple.Mdm;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Enrollments.CheckIns;

/// <summary>
/// Authenticate: the device channel binds to the certificate it presents. A known device starts over: pending
/// again, its queue cleared and its user channels removed, while its row (and so its history) stays.
/// </summary>
public sealed partial class AuthenticateHandler(
    CoreDbContext db,
    TenantContext tenant,
    TenantPushTopic pushTopic,
    EnrollmentChannelRemoval channels,
    TimeProvider clock,
    ILogger<AuthenticateHandler> logger) : CheckInHandler<AuthenticateCheckIn>
{
    public override string MessageType => AuthenticateCheckIn.Type;

    protected override async Task<CheckInOutcome> HandleAsync(AuthenticateCheckIn message, DeviceCertificate certificate, CancellationToken cancellationToken)
    {
        var channel = message.Channel;
        if (channel.ParentId is not null)
        {
            throw new InvalidArgumentException($"Authenticate is sent on the device channel, not on user channel '{channel.Id}'.");
        }

        if (await pushTopic.FindAsync(cancellationToken) != message.Topic)
        {
            throw new PermissionDeniedException($"Topic '{message.Topic}' is not this organization's push topic.");
        }

        if (await IsBoundElsewhereAsync(certificate, channel.Id, cancellationToken))
        {
            throw BoundElsewhere();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var enrollment = await db.Enrollments.FirstOrDefaultAsync(e => e.ChannelId == channel.Id, cancellationToken);
        if (enrollment is null)
        {
            enrollment = new EnrollmentEntity { Id = Guid.CreateVersion7(), TenantId = tenant.TenantId, ChannelId = channel.Id };
            db.Enrollments.Add(enrollment);
        }
        else if (enrollment.ParentId is not null)
        {
            throw new PermissionDeniedException($"'{channel.Id}' names a user channel.");
        }
        else
        {
            await channels.StartOverAsync(enrollment.Id, cancellationToken);
        }

        Bind(enrollment, message, certificate, StoredTime.UtcNow(clock));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // An Authenticate of another channel bound the certificate since the check above; the unique index decided.
            await transaction.RollbackAsync(cancellationToken);
            if (await IsBoundElsewhereAsync(certificate, channel.Id, cancellationToken))
            {
                throw BoundElsewhere();
            }

            throw;
        }

        await transaction.CommitAsync(cancellationToken);
        LogAuthenticated(logger, channel.Id, enrollment.Id);
        return new CheckInOutcome(DeviceReplies.Empty(), enrollment);
    }

    private Task<bool> IsBoundElsewhereAsync(DeviceCertificate certificate, string channelId, CancellationToken cancellationToken) =>
        db.Enrollments.AnyAsync(e => e.IdentityCertificateSha256 == certificate.Sha256 && e.ChannelId != channelId, cancellationToken);

    private static PermissionDeniedException BoundElsewhere() => new("The identity certificate is bound to another enrollment.");

    private static void Bind(EnrollmentEntity enrollment, AuthenticateCheckIn message, DeviceCertificate certificate, DateTime now)
    {
        enrollment.Kind = EnrollmentKinds.Of(message.Channel.Kind);
        enrollment.State = EnrollmentState.Pending;
        enrollment.AuthenticatedAt = now;
        enrollment.EnrolledAt = null;
        enrollment.CheckedOutAt = null;
        enrollment.IdentityCertificateDer = certificate.Der;
        enrollment.IdentityCertificateSha256 = certificate.Sha256;
        enrollment.Topic = message.Topic;
        enrollment.PushToken = null;
        enrollment.PushMagic = null;
        enrollment.PushTokenInvalidSince = null;
        // The secrets the previous enrollment escrowed belong to it, not to whoever enrolls the device next.
        enrollment.ProtectedUnlockToken = null;
        enrollment.ProtectedBootstrapToken = null;
        enrollment.AwaitingConfiguration = false;
        enrollment.TokenUpdateCount = 0;

        enrollment.Udid = message.Identity.Udid ?? enrollment.Udid;
        DeviceFacts.From(message).ApplyTo(enrollment);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {ChannelId} authenticated: enrollment {EnrollmentId} is pending")]
    private static partial void LogAuthenticated(ILogger logger, string channelId, Guid enrollmentId);
}
