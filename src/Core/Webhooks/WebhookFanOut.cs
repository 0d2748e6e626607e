using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Events;

namespace SaaSMdm.Core.Webhooks;

/// <summary>
/// Turns new events into deliveries. Each webhook keeps a cursor in the event log and reads after it with the
/// <see cref="EventReader"/> (so it waits at a gap that may still fill); events of types it does not want are passed
/// over. Moving the cursor is a conditional update in the transaction that adds the deliveries: of replicas doing
/// the same webhook at once, one adds them and the others add nothing.
/// </summary>
public sealed class WebhookFanOut(IServiceScopeFactory scopes, IOptions<WebhookOptions> options, TimeProvider clock)
{
    /// <returns>How many deliveries were added.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        List<Behind> behind;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
            var events = db.Events.IgnoreQueryFilters();
            behind = await db.Webhooks.IgnoreQueryFilters().AsNoTracking()
                .Where(w => w.Enabled && events.Any(e => e.TenantId == w.TenantId && e.Sequence > w.Cursor))
                .Select(w => new Behind(w.Id, w.TenantId, w.Cursor, w.EventTypes))
                .ToListAsync(cancellationToken);
        }

        var added = 0;
        foreach (var webhook in behind)
        {
            added += await CatchUpAsync(webhook, cancellationToken);
        }

        return added;
    }

    private async Task<int> CatchUpAsync(Behind webhook, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(webhook.TenantId);
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        var events = await scope.ServiceProvider.GetRequiredService<EventReader>().ReadAsync(webhook.Cursor, [], options.Value.BatchSize, cancellationToken);
        if (events.Count == 0)
        {
            return 0;
        }

        var wanted = webhook.EventTypes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var now = StoredTime.UtcNow(clock);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var moved = await db.Webhooks
            .Where(w => w.Id == webhook.Id && w.Cursor == webhook.Cursor && w.Enabled)
            .ExecuteUpdateAsync(update => update.SetProperty(w => w.Cursor, events[^1].Sequence), cancellationToken);
        if (moved == 0)
        {
            return 0;
        }

        var deliveries = events.Where(e => wanted.Length == 0 || wanted.Contains(e.Type)).Select(e => new WebhookDeliveryEntity
        {
            Id = Guid.CreateVersion7(),
            TenantId = webhook.TenantId,
            WebhookId = webhook.Id,
            EventId = e.Id,
            EventType = e.Type,
            Payload = WebhookPayload.Of(e),
            State = WebhookDeliveryState.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        }).ToList();
        db.WebhookDeliveries.AddRange(deliveries);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deliveries.Count;
    }

    private sealed record Behind(Guid Id, Guid TenantId, long Cursor, string EventTypes);
}
