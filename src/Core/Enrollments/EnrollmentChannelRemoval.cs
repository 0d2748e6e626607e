using Microsoft.EntityFrameworkCore;
using SaaSMdm.Core.Commands;
using SaaSMdm.Core.Data;

namespace SaaSMdm.Core.Enrollments;

/// <summary>
/// Deletes channels of a device with what hangs off them (queued commands, inventory), one statement per table.
/// Results stay: they are history, and the retention sweep ages them out. Call inside the caller's transaction.
/// </summary>
public sealed class EnrollmentChannelRemoval(CoreDbContext db, ICommandQueue queue)
{
    /// <summary>A device that enrolls again starts over: its own queue empties and its user channels go; its row stays.</summary>
    public Task StartOverAsync(Guid deviceId, CancellationToken cancellationToken) =>
        RemoveAsync(deviceId, keepDevice: true, cancellationToken);

    /// <summary>The device and every channel of it go.</summary>
    public Task RemoveDeviceAsync(Guid deviceId, CancellationToken cancellationToken) =>
        RemoveAsync(deviceId, keepDevice: false, cancellationToken);

    private async Task RemoveAsync(Guid deviceId, bool keepDevice, CancellationToken cancellationToken)
    {
        var channels = await db.Enrollments.Where(e => e.Id == deviceId || e.ParentId == deviceId).Select(e => e.Id).ToListAsync(cancellationToken);
        await queue.ClearAsync(channels, cancellationToken);

        var removed = keepDevice ? channels.Where(id => id != deviceId).ToList() : channels;
        await db.InventorySnapshots.Where(s => removed.Contains(s.EnrollmentId)).ExecuteDeleteAsync(cancellationToken);
        await db.Enrollments.Where(e => removed.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
    }
}
