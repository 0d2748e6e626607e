using Microsoft.EntityFrameworkCore;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Events;
using SaaSMdm.Core.Tenants;
using SaaSMdm.Core.Webhooks;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Core.Api.Webhooks;

/// <summary>The public Webhooks API; <see cref="ApiAuthorizationInterceptor"/> has entered the request's tenant.</summary>
public sealed class WebhooksService(
    CoreDbContext db,
    TenantContext tenant,
    WebhookUrlPolicy urls,
    WebhookSecrets secrets,
    TimeProvider clock) : Contracts.V1.Webhooks.WebhooksBase
{
    /// <summary>Each webhook costs a fan-out query per dispatch round, so a tenant has a handful, not hundreds.</summary>
    public const int MaxWebhooksPerTenant = 25;

    private const int MaxDescriptionLength = 500;

    public override async Task<CreateWebhookResponse> CreateWebhook(CreateWebhookRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var url = await urls.CheckAsync(request.Url, "url", cancellationToken);
        var types = EventTypes.ParseFilter(request.EventTypes, "event_types");
        var description = Description(request.Description);
        if (await db.Webhooks.CountAsync(cancellationToken) >= MaxWebhooksPerTenant)
        {
            throw new FailedPreconditionException($"The tenant has {MaxWebhooksPerTenant} webhooks, the most it may have; delete one first.");
        }

        var now = StoredTime.UtcNow(clock);
        var (secret, protectedSecret) = secrets.Create();
        var webhook = new WebhookEntity
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenant.TenantId,
            Url = url.OriginalString,
            EventTypes = string.Join(' ', types),
            Description = description,
            Enabled = true,
            ProtectedSecret = protectedSecret,
            Cursor = await HeadAsync(cancellationToken),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Webhooks.Add(webhook);
        await db.SaveChangesAsync(cancellationToken);
        return new CreateWebhookResponse { Webhook = WebhookMessages.ToWebhook(webhook), Secret = secret };
    }

    public override async Task<Webhook> GetWebhook(GetWebhookRequest request, ServerCallContext context) =>
        WebhookMessages.ToWebhook(await FindAsync(request.WebhookId, context.CancellationToken));

    public override async Task<ListWebhooksResponse> ListWebhooks(ListWebhooksRequest request, ServerCallContext context)
    {
        var webhooks = await db.Webhooks.AsNoTracking().OrderBy(w => w.CreatedAt).ThenBy(w => w.Id).ToListAsync(context.CancellationToken);
        return new ListWebhooksResponse { Webhooks = { webhooks.Select(WebhookMessages.ToWebhook) } };
    }

    public override async Task<Webhook> UpdateWebhook(UpdateWebhookRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var webhook = await FindAsync(request.WebhookId, cancellationToken);
        var url = request.HasUrl ? (await urls.CheckAsync(request.Url, "url", cancellationToken)).OriginalString : webhook.Url;
        var types = request.EventTypes is { } eventTypes ? string.Join(' ', EventTypes.ParseFilter(eventTypes.Values, "event_types.values")) : webhook.EventTypes;
        var description = request.HasDescription ? Description(request.Description) : webhook.Description;

        webhook.Url = url;
        webhook.EventTypes = types;
        webhook.Description = description;
        if (request.HasEnabled && request.Enabled != webhook.Enabled)
        {
            webhook.Enabled = request.Enabled;
            webhook.DisabledReason = null;
            if (request.Enabled)
            {
                // A webhook that comes back starts afresh: no stale backlog, a clean failure count.
                webhook.ConsecutiveFailures = 0;
                webhook.Cursor = await HeadAsync(cancellationToken);
            }
        }

        webhook.UpdatedAt = StoredTime.UtcNow(clock);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (!webhook.Enabled)
        {
            await WebhookDeliveries.FailPendingAsync(db, webhook.Id, webhook.UpdatedAt, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return WebhookMessages.ToWebhook(webhook);
    }

    public override async Task<DeleteWebhookResponse> DeleteWebhook(DeleteWebhookRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var webhook = await FindAsync(request.WebhookId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var deliveries = db.WebhookDeliveries.Where(d => d.WebhookId == webhook.Id);
        await db.WebhookAttempts.Where(a => deliveries.Any(d => d.Id == a.DeliveryId)).ExecuteDeleteAsync(cancellationToken);
        await deliveries.ExecuteDeleteAsync(cancellationToken);
        await db.Webhooks.Where(w => w.Id == webhook.Id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new DeleteWebhookResponse();
    }

    public override async Task<RotateWebhookSecretResponse> RotateWebhookSecret(RotateWebhookSecretRequest request, ServerCallContext context)
    {
        var webhook = await FindAsync(request.WebhookId, context.CancellationToken);
        var (secret, protectedSecret) = secrets.Create();
        webhook.ProtectedSecret = protectedSecret;
        webhook.UpdatedAt = StoredTime.UtcNow(clock);
        await db.SaveChangesAsync(context.CancellationToken);
        return new RotateWebhookSecretResponse { Webhook = WebhookMessages.ToWebhook(webhook), Secret = secret };
    }

    public override async Task<ListWebhookDeliveriesResponse> ListWebhookDeliveries(ListWebhookDeliveriesRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var size = PageToken.Size(request.PageSize, defaultSize: 50, maxSize: 200);
        var state = WebhookMessages.FromApi(request.State);
        var before = PageToken.ReadId(request.PageToken);
        var webhook = await FindAsync(request.WebhookId, cancellationToken);

        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.WebhookId == webhook.Id);
        if (state is { } wanted)
        {
            query = query.Where(d => d.State == wanted);
        }

        if (before is { } last)
        {
            query = query.Where(d => d.Id.CompareTo(last) < 0);
        }

        var page = await query.OrderByDescending(d => d.Id).Take(size + 1).ToListAsync(cancellationToken);
        var deliveries = page.Take(size).ToList();
        var ids = deliveries.Select(d => d.Id).ToList();
        var attempts = (await db.WebhookAttempts.AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).ToListAsync(cancellationToken))
            .ToLookup(a => a.DeliveryId);

        var response = new ListWebhookDeliveriesResponse
        {
            Deliveries = { deliveries.Select(d => WebhookMessages.ToDelivery(d, attempts[d.Id])) },
            NextPageToken = page.Count > size ? PageToken.Create(deliveries[^1].Id.ToString()) : "",
        };
        return response;
    }

    public override async Task<WebhookDelivery> SendTestEvent(SendTestEventRequest request, ServerCallContext context)
    {
        var webhook = await FindAsync(request.WebhookId, context.CancellationToken);
        if (!webhook.Enabled)
        {
            throw new FailedPreconditionException("The webhook is disabled; enable it (UpdateWebhook) before testing it.");
        }

        var now = StoredTime.UtcNow(clock);
        var eventId = Guid.CreateVersion7();
        var delivery = new WebhookDeliveryEntity
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenant.TenantId,
            WebhookId = webhook.Id,
            EventId = eventId,
            EventType = EventTypes.WebhookTest,
            Payload = WebhookPayload.Of(eventId, EventTypes.WebhookTest, now, tenant.TenantId, null, null, EventData.WebhookTest(webhook.Id)),
            State = Data.Entities.WebhookDeliveryState.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync(context.CancellationToken);
        return WebhookMessages.ToDelivery(delivery, []);
    }

    /// <exception cref="NotFoundException">the tenant has no such webhook.</exception>
    private async Task<WebhookEntity> FindAsync(string webhookId, CancellationToken cancellationToken)
    {
        var id = Guid.TryParse(webhookId, out var parsed) ? parsed : throw new InvalidArgumentException("webhook_id must be a webhook's id (a UUID).");
        return await db.Webhooks.FirstOrDefaultAsync(w => w.Id == id, cancellationToken)
            ?? throw new NotFoundException($"No webhook with id '{id}'.");
    }

    /// <summary>The tenant's newest event: a webhook starting now delivers what comes after it.</summary>
    private async Task<long> HeadAsync(CancellationToken cancellationToken) =>
        await db.Events.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;

    private static string Description(string description) =>
        description.Length > MaxDescriptionLength || description.Any(c => char.IsControl(c) && c is not '\n' and not '\t')
            ? throw new InvalidArgumentException($"description must be at most {MaxDescriptionLength} characters without control characters.")
            : description;
}
