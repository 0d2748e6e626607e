using SaaSMdm.Contracts;
using Microsoft.EntityFrameworkCore;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Api;

/// <summary>
/// Enrollment channels as the API names them: a device id, plus the enrollment id of one of its user channels
/// (as the Devices API lists them) for that user channel. Another tenant's channels are never found.
/// </summary>
public sealed class ChannelLookup(CoreDbContext db)
{
    /// <exception cref="NotFoundException">the tenant has no such device, or the device no such user channel.</exception>
    public async Task<EnrollmentEntity> FindAsync(string deviceId, string userEnrollmentId, CancellationToken cancellationToken)
    {
        var device = await DeviceChannels.FindAsync(db, deviceId, cancellationToken);
        if (userEnrollmentId.Length == 0)
        {
            return device;
        }

        return await db.Enrollments.AsNoTracking().FirstOrDefaultAsync(e => e.ParentId == device.Id && e.ChannelId == userEnrollmentId, cancellationToken)
            ?? throw new NotFoundException($"Device {device.Id} has no user channel '{CallerText.Shorten(userEnrollmentId)}'.");
    }

    /// <returns>The enrollment ids of the user channels, distinct.</returns>
    /// <exception cref="NotFoundException">a device or user channel is not the tenant's.</exception>
    public async Task<IReadOnlyList<Guid>> UserChannelsAsync(IReadOnlyCollection<UserChannelRef> channels, CancellationToken cancellationToken)
    {
        if (channels.Count == 0)
        {
            return [];
        }

        var wanted = channels.Select(c => (DeviceId: DeviceChannels.ParseId(c.DeviceId, "user_channels.device_id"), c.UserEnrollmentId)).Distinct().ToList();
        var deviceIds = wanted.Select(w => w.DeviceId).Distinct().ToList();
        var found = await db.Enrollments.AsNoTracking()
            .Where(e => e.ParentId != null && EF.Parameter(deviceIds).Contains(e.ParentId.Value))
            .Select(e => new { e.Id, ParentId = e.ParentId!.Value, e.ChannelId })
            .ToListAsync(cancellationToken);
        var byKey = found.ToDictionary(e => (e.ParentId, e.ChannelId), e => e.Id);
        var missing = wanted.Where(w => !byKey.ContainsKey(w)).Select(w => $"Device {w.DeviceId} has no user channel '{CallerText.Shorten(w.UserEnrollmentId)}'").FirstOrDefault();
        if (missing is not null)
        {
            throw new NotFoundException(missing + "; nothing was done.");
        }

        return wanted.Select(w => byKey[w]).Distinct().ToList();
    }
}
