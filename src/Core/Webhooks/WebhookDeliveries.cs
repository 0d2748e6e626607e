using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Webhooks;

/// <summary>A delivery this replica holds the lease of, with what an attempt needs from its webhook.</summary>
public sealed record ClaimedDelivery(
    Guid Id, Guid TenantId, Guid WebhookId, Guid EventId, string EventType, string Payload, int Attempts, Guid LeaseToken, string Url, string ProtectedSecret);

/// <summary>
/// The deliveries' state across replicas. A replica claims due deliveries by a conditional update of their lease
/// (works the same on SQLite and PostgreSQL: of two replicas updating the same row, the second finds the lease
/// taken), then records each attempt under that lease; a lease left by a crashed replica expires.
/// </summary>
public sealed partial class WebhookDeliveries(IServiceScopeFactory scopes, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookDeliveries> logger)
{
    /// <summary>Claims up to a batch of due deliveries of enabled webhooks.</summary>
    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = StoredTime.UtcNow(clock);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        var deliveries = db.WebhookDeliveries.IgnoreQueryFilters();
        var webhooks = db.Webhooks.IgnoreQueryFilters();

        var due = await deliveries
            .Where(d => d.State == WebhookDeliveryState.Pending && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now)
                && webhooks.Any(w => w.Id == d.WebhookId && w.Enabled))
            .OrderBy(d => d.NextAttemptAt)
            .Select(d => d.Id)
            .Take(settings.BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return [];
        }

        var lease = Guid.NewGuid();
        var until = now.AddSeconds(settings.LeaseSeconds);
        await deliveries
            .Where(d => due.Contains(d.Id) && d.State == WebhookDeliveryState.Pending && (d.LeaseUntil == null || d.LeaseUntil < now))
            .ExecuteUpdateAsync(update => update.SetProperty(d => d.LeaseToken, lease).SetProperty(d => d.LeaseUntil, until), cancellationToken);
        return await deliveries.AsNoTracking()
            .Where(d => d.LeaseToken == lease)
            .Join(webhooks, d => d.WebhookId, w => w.Id, (d, w) => new ClaimedDelivery(
                d.Id, d.TenantId, d.WebhookId, d.EventId, d.EventType, d.Payload, d.Attempts, lease, w.Url, w.ProtectedSecret))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Logs the attempt and moves the delivery on (delivered, failed for good, or due again after a backoff), then
    /// keeps the webhook's count of failed deliveries: a delivered one resets it, one failed for good raises it and
    /// may disable the webhook. Nothing is written if the lease expired meanwhile (another replica took the delivery) or the webhook was deleted.
    /// </summary>
    public async Task RecordAsync(ClaimedDelivery delivery, AttemptOutcome outcome, DateTime attemptedAt, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = StoredTime.UtcNow(clock);
        var number = delivery.Attempts + 1;
        var state = outcome.Delivered ? WebhookDeliveryState.Delivered
            : number >= settings.MaxAttempts ? WebhookDeliveryState.Failed
            : WebhookDeliveryState.Pending;
        var nextAttemptAt = state == WebhookDeliveryState.Pending ? now + RetryBackoff.After(number, settings.RetryBaseSeconds, Random.Shared.NextDouble()) : now;
        DateTime? completedAt = state == WebhookDeliveryState.Pending ? null : now;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var moved = await db.WebhookDeliveries.IgnoreQueryFilters()
            .Where(d => d.Id == delivery.Id && d.LeaseToken == delivery.LeaseToken)
            .ExecuteUpdateAsync(update => update
                .SetProperty(d => d.Attempts, number)
                .SetProperty(d => d.State, state)
                .SetProperty(d => d.NextAttemptAt, nextAttemptAt)
                .SetProperty(d => d.CompletedAt, completedAt)
                .SetProperty(d => d.LeaseToken, (Guid?)null)
                .SetProperty(d => d.LeaseUntil, (DateTime?)null), cancellationToken);
        if (moved == 0)
        {
            LogLeaseLost(logger, delivery.Id);
            return;
        }

        db.WebhookAttempts.Add(new WebhookAttemptEntity
        {
            Id = Guid.CreateVersion7(),
            TenantId = delivery.TenantId,
            DeliveryId = delivery.Id,
            Number = number,
            AttemptedAt = attemptedAt,
            HttpStatus = outcome.HttpStatus,
            Error = outcome.Error,
            DurationMilliseconds = outcome.DurationMilliseconds,
        });
        await db.SaveChangesAsync(cancellationToken);
        await CountFailuresAsync(db, delivery, state, outcome.Error, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task CountFailuresAsync(CoreDbContext db, ClaimedDelivery delivery, WebhookDeliveryState state, string? error, DateTime now, CancellationToken cancellationToken)
    {
        var webhook = db.Webhooks.IgnoreQueryFilters().Where(w => w.Id == delivery.WebhookId);
        if (state == WebhookDeliveryState.Delivered)
        {
            await webhook.Where(w => w.ConsecutiveFailures != 0)
                .ExecuteUpdateAsync(update => update.SetProperty(w => w.ConsecutiveFailures, 0), cancellationToken);
            return;
        }

        if (state != WebhookDeliveryState.Failed)
        {
            return;
        }

        await webhook.ExecuteUpdateAsync(update => update.SetProperty(w => w.ConsecutiveFailures, w => w.ConsecutiveFailures + 1), cancellationToken);
        var threshold = options.Value.DisableAfterFailures;
        var reason = $"Disabled after {threshold} deliveries in a row failed every attempt; the last: {error}";
        var disabled = await webhook.Where(w => w.Enabled && w.ConsecutiveFailures >= threshold)
            .ExecuteUpdateAsync(update => update
                .SetProperty(w => w.Enabled, false)
                .SetProperty(w => w.DisabledReason, reason.Length > 500 ? reason[..500] : reason)
                .SetProperty(w => w.UpdatedAt, now), cancellationToken);
        if (disabled > 0)
        {
            LogDisabled(logger, delivery.WebhookId, delivery.TenantId, threshold);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} changed hands or was deleted during its attempt; the attempt is not recorded")]
    private static partial void LogLeaseLost(ILogger logger, Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {WebhookId} of tenant {TenantId} disabled after {Failures} failed deliveries in a row")]
    private static partial void LogDisabled(ILogger logger, Guid webhookId, Guid tenantId, int failures);
}
