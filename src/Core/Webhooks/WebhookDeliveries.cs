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
    /// <summary>
    /// Claims due deliveries of enabled webhooks: at most <see cref="WebhookOptions.MaxConcurrentDeliveries"/>, so
    /// every claimed one is posted at once and its lease covers just its own attempt. The webhooks with the oldest
    /// due deliveries share the slots evenly (less what other replicas hold of theirs), so one endpoint with a long
    /// backlog — a dead one, say — cannot take every slot from the others.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimDueAsync(CancellationToken cancellationToken)
    {
        var slots = options.Value.MaxConcurrentDeliveries;
        var now = StoredTime.UtcNow(clock);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        var deliveries = db.WebhookDeliveries.IgnoreQueryFilters();
        var webhooks = db.Webhooks.IgnoreQueryFilters();
        var due = deliveries.Where(d => d.State == WebhookDeliveryState.Pending && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now)
            && webhooks.Any(w => w.Id == d.WebhookId && w.Enabled));

        var waiting = await due.GroupBy(d => d.WebhookId)
            .Select(g => new { WebhookId = g.Key, Oldest = g.Min(d => d.NextAttemptAt) })
            .OrderBy(g => g.Oldest)
            .Take(slots)
            .Select(g => g.WebhookId)
            .ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return [];
        }

        var held = await deliveries
            .Where(d => waiting.Contains(d.WebhookId) && d.State == WebhookDeliveryState.Pending && d.LeaseUntil >= now)
            .GroupBy(d => d.WebhookId)
            .Select(g => new { WebhookId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.WebhookId, g => g.Count, cancellationToken);
        var share = Math.Max(1, slots / waiting.Count);
        var chosen = new List<Guid>();
        foreach (var webhookId in waiting)
        {
            var room = Math.Min(share - held.GetValueOrDefault(webhookId), slots - chosen.Count);
            if (room > 0)
            {
                chosen.AddRange(await due.Where(d => d.WebhookId == webhookId).OrderBy(d => d.NextAttemptAt).Select(d => d.Id).Take(room).ToListAsync(cancellationToken));
            }
        }

        return await LeaseAsync(db, chosen, now, cancellationToken);
    }

    /// <summary>Takes the lease of those of <paramref name="chosen"/> no other replica took meanwhile.</summary>
    private async Task<IReadOnlyList<ClaimedDelivery>> LeaseAsync(CoreDbContext db, List<Guid> chosen, DateTime now, CancellationToken cancellationToken)
    {
        if (chosen.Count == 0)
        {
            return [];
        }

        var deliveries = db.WebhookDeliveries.IgnoreQueryFilters();
        var lease = Guid.NewGuid();
        var until = now.AddSeconds(options.Value.LeaseSeconds);
        await deliveries
            .Where(d => chosen.Contains(d.Id) && d.State == WebhookDeliveryState.Pending && (d.LeaseUntil == null || d.LeaseUntil < now))
            .ExecuteUpdateAsync(update => update.SetProperty(d => d.LeaseToken, lease).SetProperty(d => d.LeaseUntil, until), cancellationToken);
        return await deliveries.AsNoTracking()
            .Where(d => d.LeaseToken == lease)
            .Join(db.Webhooks.IgnoreQueryFilters(), d => d.WebhookId, w => w.Id, (d, w) => new ClaimedDelivery(
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
            await FailPendingAsync(db, delivery.WebhookId, now, cancellationToken);
            LogDisabled(logger, delivery.WebhookId, delivery.TenantId, threshold);
        }
    }

    /// <summary>
    /// Fails the pending deliveries of a webhook being disabled, in the caller's transaction: a disabled webhook
    /// makes no more attempts (they would only clog the claim query), and enabling it again starts afresh rather
    /// than replaying them. An attempt in flight meanwhile loses its lease and is not recorded.
    /// </summary>
    public static Task<int> FailPendingAsync(CoreDbContext db, Guid webhookId, DateTime now, CancellationToken cancellationToken) =>
        db.WebhookDeliveries.IgnoreQueryFilters()
            .Where(d => d.WebhookId == webhookId && d.State == WebhookDeliveryState.Pending)
            .ExecuteUpdateAsync(update => update
                .SetProperty(d => d.State, WebhookDeliveryState.Failed)
                .SetProperty(d => d.CompletedAt, now)
                .SetProperty(d => d.LeaseToken, (Guid?)null)
                .SetProperty(d => d.LeaseUntil, (DateTime?)null), cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} changed hands or was deleted during its attempt; the attempt is not recorded")]
    private static partial void LogLeaseLost(ILogger logger, Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {WebhookId} of tenant {TenantId} disabled after {Failures} failed deliveries in a row")]
    private static partial void LogDisabled(ILogger logger, Guid webhookId, Guid tenantId, int failures);
}
