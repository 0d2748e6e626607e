using Microsoft.EntityFrameworkCore;
using SaaSMdm.Apple.Mdm;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Enrollments;

/// <summary>
/// Finds the enrollment a device message names and checks that the certificate the device presented is the one
/// bound to it. The identity belongs to the device channel: user channels are reached through their device.
/// </summary>
public sealed class BoundEnrollments(CoreDbContext db)
{
    /// <summary>The device channel of <paramref name="channel"/> (itself, or a user channel's parent), bound to the certificate.</summary>
    /// <exception cref="UnrecognizedDeviceException">the tenant has no such device, or it checked out.</exception>
    /// <exception cref="PermissionDeniedException">the enrollment is bound to another certificate.</exception>
    public async Task<EnrollmentEntity> DeviceAsync(EnrollmentChannel channel, DeviceCertificate certificate, CancellationToken cancellationToken)
    {
        var deviceChannelId = channel.ParentId ?? channel.Id;
        var device = await db.Enrollments.FirstOrDefaultAsync(e => e.ChannelId == deviceChannelId && e.ParentId == null, cancellationToken)
            ?? throw new UnrecognizedDeviceException(deviceChannelId);
        if (device.IdentityCertificateSha256 != certificate.Sha256)
        {
            throw new PermissionDeniedException($"The identity certificate is not the one bound to enrollment '{deviceChannelId}'.");
        }

        return device.State == EnrollmentState.CheckedOut ? throw new UnrecognizedDeviceException(deviceChannelId) : device;
    }

    /// <summary>The channel the message addresses, which must exist: the device channel, or a user channel under it.</summary>
    /// <exception cref="UnrecognizedDeviceException">the tenant has no such channel, or it checked out.</exception>
    /// <exception cref="PermissionDeniedException">the device is bound to another certificate.</exception>
    public async Task<ChannelEnrollment> ChannelAsync(EnrollmentChannel channel, DeviceCertificate certificate, CancellationToken cancellationToken)
    {
        var device = await DeviceAsync(channel, certificate, cancellationToken);
        if (channel.ParentId is null)
        {
            return new ChannelEnrollment(device, device);
        }

        var user = await FindUserChannelAsync(device, channel.Id, cancellationToken);
        return user is null || user.State == EnrollmentState.CheckedOut
            ? throw new UnrecognizedDeviceException(channel.Id)
            : new ChannelEnrollment(device, user);
    }

    public Task<EnrollmentEntity?> FindUserChannelAsync(EnrollmentEntity device, string channelId, CancellationToken cancellationToken) =>
        db.Enrollments.FirstOrDefaultAsync(e => e.ChannelId == channelId && e.ParentId == device.Id, cancellationToken);
}
