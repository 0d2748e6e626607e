using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data.Entities;
using ApiDeliveryState = SaaSMdm.Contracts.V1.WebhookDeliveryState;
using DeliveryState = SaaSMdm.Core.Data.Entities.WebhookDeliveryState;

namespace SaaSMdm.Core.Api.Webhooks;

/// <summary>Webhook rows as API messages; the secret is never among them.</summary>
public static class WebhookMessages
{
    public static Webhook ToWebhook(WebhookEntity webhook) => new()
    {
        Id = webhook.Id.ToString(),
        TenantId = webhook.TenantId.ToString(),
        Url = webhook.Url,
        EventTypes = { webhook.EventTypes.Split(' ', StringSplitOptions.RemoveEmptyEntries) },
        Description = webhook.Description,
        Enabled = webhook.Enabled,
        DisabledReason = webhook.DisabledReason ?? "",
        ConsecutiveFailures = webhook.ConsecutiveFailures,
        CreateTime = ApiTimestamps.From(webhook.CreatedAt),
        UpdateTime = ApiTimestamps.From(webhook.UpdatedAt),
    };

    public static WebhookDelivery ToDelivery(WebhookDeliveryEntity delivery, IEnumerable<WebhookAttemptEntity> attempts) => new()
    {
        Id = delivery.Id.ToString(),
        WebhookId = delivery.WebhookId.ToString(),
        EventId = delivery.EventId.ToString(),
        EventType = delivery.EventType,
        State = ToApi(delivery.State),
        CreateTime = ApiTimestamps.From(delivery.CreatedAt),
        NextAttemptTime = delivery.State == DeliveryState.Pending ? ApiTimestamps.From(delivery.NextAttemptAt) : null,
        CompleteTime = ApiTimestamps.From(delivery.CompletedAt),
        Attempts =
        {
            attempts.OrderBy(a => a.Number).Select(attempt => new WebhookAttempt
            {
                Number = attempt.Number,
                AttemptTime = ApiTimestamps.From(attempt.AttemptedAt),
                HttpStatus = attempt.HttpStatus ?? 0,
                Error = attempt.Error ?? "",
                DurationMs = attempt.DurationMilliseconds,
            }),
        },
    };

    public static ApiDeliveryState ToApi(DeliveryState state) => state switch
    {
        DeliveryState.Pending => ApiDeliveryState.Pending,
        DeliveryState.Delivered => ApiDeliveryState.Delivered,
        DeliveryState.Failed => ApiDeliveryState.Failed,
        _ => ApiDeliveryState.Unspecified,
    };

    /// <summary>A state filter; null for every state.</summary>
    public static DeliveryState? FromApi(ApiDeliveryState state) => state switch
    {
        ApiDeliveryState.Unspecified => null,
        ApiDeliveryState.Pending => DeliveryState.Pending,
        ApiDeliveryState.Delivered => DeliveryState.Delivered,
        ApiDeliveryState.Failed => DeliveryState.Failed,
        _ => throw new Rpc.InvalidArgumentException($"state {(int)state} is not a delivery state."),
    };
}
