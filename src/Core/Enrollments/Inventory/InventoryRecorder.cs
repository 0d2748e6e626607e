using Microsoft.EntityFrameworkCore;
using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Plist;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Enrollments.Inventory;

/// <summary>
/// Keeps each enrollment's latest inventory of every kind, and the device's facts from DeviceInformation. A
/// result that does not read as Apple defines it is refused, so that it is stored as an error instead.
/// </summary>
public sealed partial class InventoryRecorder(CoreDbContext db, TimeProvider clock, ILogger<InventoryRecorder> logger)
{
    /// <summary>
    /// False when the report is an inventory result that cannot be read; true otherwise (nothing to do, or recorded).
    /// The changes stay tracked: they are saved with the command's result, in its transaction, so a retried answer
    /// (whose result is not stored) writes nothing either.
    /// </summary>
    public async Task<bool> TryRecordAsync(ChannelEnrollment enrollment, string requestType, CommandReport report, CancellationToken cancellationToken)
    {
        if (!InventoryResult.IsInventory(requestType))
        {
            return true;
        }

        InventoryResult result;
        try
        {
            result = InventoryResult.Read(requestType, report);
        }
        catch (MdmMessageFormatException e)
        {
            LogUnreadable(logger, requestType, enrollment.Channel.ChannelId, e.Message);
            return false;
        }

        await StoreSnapshotAsync(enrollment.Channel, requestType, result, cancellationToken);
        if (result.DeviceInformation is { } information)
        {
            DeviceFacts.From(information).ApplyTo(enrollment.Device);
        }

        return true;
    }

    private async Task StoreSnapshotAsync(EnrollmentEntity enrollment, string kind, InventoryResult result, CancellationToken cancellationToken)
    {
        var json = PlistJson.Write(new PlistDictionary().Add(result.Key, result.Value));
        var now = StoredTime.UtcNow(clock);
        var snapshot = await db.InventorySnapshots.FirstOrDefaultAsync(s => s.EnrollmentId == enrollment.Id && s.Kind == kind, cancellationToken);
        if (snapshot is null)
        {
            db.InventorySnapshots.Add(new InventorySnapshotEntity { EnrollmentId = enrollment.Id, Kind = kind, TenantId = enrollment.TenantId, Json = json, UpdatedAt = now });
            return;
        }

        snapshot.Json = json;
        snapshot.UpdatedAt = now;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unreadable {RequestType} result from {ChannelId}, stored as an error: {Problem}")]
    private static partial void LogUnreadable(ILogger logger, string requestType, string channelId, string problem);
}
