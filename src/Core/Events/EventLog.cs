using System.Text.Json.Nodes;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Events;

/// <summary>
/// Appends events to the log. The row is only added to the caller's context: it is written by the caller's next
/// SaveChanges, in the caller's transaction, so an event exists exactly when the change it reports was stored — and
/// costs no round trip of its own.
/// </summary>
public static class EventLog
{
    /// <param name="channel">The enrollment channel the event is about, if any; its device (the channel itself or its parent) becomes the device id.</param>
    /// <returns>The added row, for a caller that must take it back when its change is not saved after all.</returns>
    public static EventEntity Append(CoreDbContext db, string type, Guid tenantId, DateTime occurredAt, JsonObject data, EnrollmentEntity? channel = null)
    {
        var entry = new EventEntity
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            Type = type,
            OccurredAt = occurredAt,
            DeviceId = channel is null ? null : channel.ParentId ?? channel.Id,
            EnrollmentId = channel?.ChannelId,
            DataJson = data.ToJsonString(),
        };
        db.Events.Add(entry);
        return entry;
    }
}
