using Microsoft.EntityFrameworkCore;
using SaaSMdm.Core.Commands;
using SaaSMdm.Core.Data;

namespace SaaSMdm.Core.Enrollments;

/// <summary>
/// Deletes channels of a device with what hangs off them (queued commands, inventory, declarative state, set
/// assignments, group memberships, properties), one statement per table. Results and status reports of a device that
/// starts over stay: they are history, and the retention sweep ages them out. Call inside the caller's transaction.
/// </summary>
public sealed class EnrollmentChannelRemoval(CoreDbContext db, ICommandQueue queue)
{
    /// <summary>
    /// A device that enrolls again starts over: its own queue and declarative state (tokens, status) empty and its user
    /// channels go; its row, with its sets, groups and properties, stays.
    /// </summary>
    public Task StartOverAsync(Guid deviceId, CancellationToken cancellationToken) =>
        RemoveAsync(deviceId, keepDevice: true, cancellationToken);

    /// <summary>The device and every channel of it go.</summary>
    /// <returns>How many channels went.</returns>
    public Task<int> RemoveDeviceAsync(Guid deviceId, CancellationToken cancellationToken) =>
        RemoveAsync(deviceId, keepDevice: false, cancellationToken);

    /// <summary>
    /// What channels that stop being managed (checked out, started over, removed) leave behind: queued commands and
    /// declarative state (tokens, status), which would be wrong for whatever enrolls next.
    /// </summary>
    public async Task LeaveAsync(IReadOnlyCollection<Guid> channels, CancellationToken cancellationToken)
    {
        await queue.ClearAsync(channels, cancellationToken);
        await db.DeclarativeStates.Where(s => channels.Contains(s.EnrollmentId)).ExecuteDeleteAsync(cancellationToken);
        await db.DeclarationStatuses.Where(s => channels.Contains(s.EnrollmentId)).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<int> RemoveAsync(Guid deviceId, bool keepDevice, CancellationToken cancellationToken)
    {
        var channels = await db.Enrollments.Where(e => e.Id == deviceId || e.ParentId == deviceId).Select(e => e.Id).ToListAsync(cancellationToken);
        await LeaveAsync(channels, cancellationToken);

        var removed = keepDevice ? channels.Where(id => id != deviceId).ToList() : channels;
        await db.InventorySnapshots.Where(s => removed.Contains(s.EnrollmentId)).ExecuteDeleteAsync(cancellationToken);
        await db.StatusReports.Where(r => removed.Contains(r.EnrollmentId)).ExecuteDeleteAsync(cancellationToken);
        await db.EnrollmentSetAssignments.Where(a => removed.Contains(a.EnrollmentId)).ExecuteDeleteAsync(cancellationToken);
        await db.DeviceGroupMembers.Where(m => removed.Contains(m.EnrollmentId)).ExecuteDeleteAsync(cancellationToken);
        await db.ManagementProperties.Where(p => removed.Contains(p.EnrollmentId)).ExecuteDeleteAsync(cancellationToken);
        await db.Enrollments.Where(e => removed.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
        return removed.Count;
    }
}
