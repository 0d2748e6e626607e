using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Events;

namespace SaaSMdm.Core.Api.Events;

/// <summary>Event rows as API messages.</summary>
public static class EventMessages
{
    public static Event ToEvent(EventEntity entry) => new()
    {
        Cursor = EventCursor.Of(entry.Sequence),
        Id = entry.Id.ToString(),
        Type = entry.Type,
        OccurTime = ApiTimestamps.From(entry.OccurredAt),
        TenantId = entry.TenantId.ToString(),
        DeviceId = entry.DeviceId?.ToString() ?? "",
        EnrollmentId = entry.EnrollmentId ?? "",
        DataJson = entry.DataJson,
    };
}
