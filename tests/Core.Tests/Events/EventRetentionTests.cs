using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Events;
using SaaSMdm.Core.Maintenance;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests.Events;

/// <summary>
/// The retention sweep deletes events, webhook deliveries and their attempts past Retention:EventDays. In a class of
/// its own: an event back-dated past retention but numbered now leaves, once swept, a hole among young events that
/// readers of this database would wait at.
/// </summary>
public sealed class EventRetentionTests(CoreFixture<OnSqlite> fixture) : IClassFixture<CoreFixture<OnSqlite>>
{
    [Fact]
    public async Task Events_and_webhook_deliveries_past_retention_are_swept_and_younger_ones_stay()
    {
        var tenant = Guid.NewGuid();
        var days = fixture.Host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RetentionOptions>>().Value.EventDays;
        var old = DateTime.UtcNow.AddDays(-days - 1);
        var (oldEvent, youngEvent) = await InDatabaseAsync(async db =>
        {
            var past = EventLog.Append(db, EventTypes.DeviceEnrolled, tenant, old, new JsonObject());
            var recent = EventLog.Append(db, EventTypes.DeviceEnrolled, tenant, DateTime.UtcNow, new JsonObject());
            db.WebhookDeliveries.AddRange(Delivery(tenant, past.Id, old), Delivery(tenant, recent.Id, DateTime.UtcNow));
            await db.SaveChangesAsync();
            var deliveries = await db.WebhookDeliveries.IgnoreQueryFilters().Where(d => d.TenantId == tenant).ToListAsync();
            db.WebhookAttempts.AddRange(deliveries.Select(d => new WebhookAttemptEntity
            {
                Id = Guid.NewGuid(), TenantId = tenant, DeliveryId = d.Id, Number = 1, AttemptedAt = d.CreatedAt, HttpStatus = 500, Error = "HTTP 500",
            }));
            await db.SaveChangesAsync();
            return (past.Id, recent.Id);
        });

        var swept = await fixture.Host.Services.GetRequiredService<RetentionSweep>().SweepOnceAsync(CancellationToken.None);

        Assert.Equal((1, 1), (swept.Events, swept.WebhookDeliveries));
        Assert.Equal([youngEvent], await InDatabaseAsync(db => db.Events.IgnoreQueryFilters().Where(e => e.TenantId == tenant).Select(e => e.Id).ToListAsync()));
        Assert.Equal([youngEvent], await InDatabaseAsync(db => db.WebhookDeliveries.IgnoreQueryFilters().Where(d => d.TenantId == tenant).Select(d => d.EventId).ToListAsync()));
        Assert.Equal(1, await InDatabaseAsync(db => db.WebhookAttempts.IgnoreQueryFilters().CountAsync(a => a.TenantId == tenant)));
        Assert.NotEqual(oldEvent, youngEvent);
    }

    private static WebhookDeliveryEntity Delivery(Guid tenant, Guid eventId, DateTime createdAt) => new()
    {
        Id = Guid.NewGuid(),
        TenantId = tenant,
        WebhookId = Guid.NewGuid(),
        EventId = eventId,
        EventType = EventTypes.DeviceEnrolled,
        Payload = "{}",
        State = WebhookDeliveryState.Failed,
        CreatedAt = createdAt,
        NextAttemptAt = createdAt,
    };

    private async Task<T> InDatabaseAsync<T>(Func<CoreDbContext, Task<T>> work)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoreDbContext>());
    }
}
