using Microsoft.EntityFrameworkCore;
using SaaSMdm.Contracts;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Api;

/// <summary>
/// A device, as the API names it, is the enrollment row of its device channel; user channels hang off it. Device
/// ids of another tenant are never found: the query filter hides them.
/// </summary>
public static class DeviceChannels
{
    public static IQueryable<EnrollmentEntity> Devices(this IQueryable<EnrollmentEntity> enrollments) =>
        enrollments.Where(e => e.Kind == EnrollmentKind.Device || e.Kind == EnrollmentKind.UserEnrollmentDevice);

    /// <exception cref="InvalidArgumentException">not a UUID.</exception>
    public static Guid ParseId(string deviceId, string field = "device_id") =>
        Guid.TryParse(deviceId, out var id) ? id : throw new InvalidArgumentException($"{field} must be a device id (a UUID); got '{CallerText.Shorten(deviceId)}'.");

    /// <exception cref="NotFoundException">the tenant has no such device.</exception>
    public static async Task<EnrollmentEntity> FindAsync(CoreDbContext db, string deviceId, CancellationToken cancellationToken)
    {
        var id = ParseId(deviceId);
        return await db.Enrollments.AsNoTracking().Devices().FirstOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw new NotFoundException($"No device with id '{id}'.");
    }
}
