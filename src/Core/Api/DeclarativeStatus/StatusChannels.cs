using Microsoft.EntityFrameworkCore;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Api.DeclarativeStatus;

/// <summary>The enrollment channel a status request names: a device of the tenant, or one of its user channels.</summary>
public static class StatusChannels
{
    /// <exception cref="InvalidArgumentException">an id is not a UUID.</exception>
    /// <exception cref="NotFoundException">the tenant has no such device, or the device no such user channel.</exception>
    public static async Task<EnrollmentEntity> FindAsync(CoreDbContext db, string deviceId, string userChannelId, CancellationToken cancellationToken)
    {
        var device = await DeviceChannels.FindAsync(db, deviceId, cancellationToken);
        if (string.IsNullOrEmpty(userChannelId))
        {
            return device;
        }

        var id = DeviceChannels.ParseId(userChannelId, "user_channel_id");
        return await db.Enrollments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.ParentId == device.Id, cancellationToken)
            ?? throw new NotFoundException($"Device {device.Id} has no user channel '{id}'.");
    }
}
