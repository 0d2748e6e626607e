using System.Globalization;
using System.Text.Json.Nodes;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Webhooks;

/// <summary>The JSON body a webhook receives for an event: the fields of the API's Event, with data as an object.</summary>
public static class WebhookPayload
{
    public static string Of(EventEntity entry) =>
        Of(entry.Id, entry.Type, entry.OccurredAt, entry.TenantId, entry.DeviceId, entry.EnrollmentId, JsonNode.Parse(entry.DataJson));

    public static string Of(Guid id, string type, DateTime occurredAt, Guid tenantId, Guid? deviceId, string? enrollmentId, JsonNode? data) =>
        new JsonObject
        {
            ["id"] = id.ToString(),
            ["type"] = type,
            ["occur_time"] = occurredAt.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            ["tenant_id"] = tenantId.ToString(),
            ["device_id"] = deviceId?.ToString(),
            ["enrollment_id"] = enrollmentId,
            ["data"] = data,
        }.ToJsonString();
}
