using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Events;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests.Events;

/// <summary>This replica's readers are woken when events commit: not before, and not for a rolled-back transaction.</summary>
public sealed class EventSignalTests(CoreFixture<OnSqlite> fixture) : IClassFixture<CoreFixture<OnSqlite>>
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(200);

    private EventSignal Signal => fixture.Host.Services.GetRequiredService<EventSignal>();

    [Fact]
    public async Task A_save_outside_a_transaction_wakes_the_tenant_s_readers_and_the_dispatcher()
    {
        var (tenant, other) = (Guid.NewGuid(), Guid.NewGuid());
        var tenantWoken = Signal.Next(tenant);
        var anyWoken = Signal.Next(Guid.Empty);
        var otherWoken = Signal.Next(other);

        await InDatabaseAsync(async db =>
        {
            Append(db, tenant);
            await db.SaveChangesAsync();
        });

        await tenantWoken.WaitAsync(Eventually.Patience);
        await anyWoken.WaitAsync(Eventually.Patience);
        Assert.False(otherWoken.IsCompleted);
    }

    [Fact]
    public async Task In_a_transaction_the_commit_wakes_readers_and_a_rollback_does_not()
    {
        var tenant = Guid.NewGuid();
        var woken = Signal.Next(tenant);

        await InDatabaseAsync(async db =>
        {
            await using (var rolledBack = await db.Database.BeginTransactionAsync())
            {
                Append(db, tenant);
                await db.SaveChangesAsync();
                await rolledBack.RollbackAsync();
            }

            db.ChangeTracker.Clear();
            await Task.Delay(Settle);
            Assert.False(woken.IsCompleted);

            await using var committed = await db.Database.BeginTransactionAsync();
            Append(db, tenant);
            await db.SaveChangesAsync();
            await Task.Delay(Settle);
            Assert.False(woken.IsCompleted);
            await committed.CommitAsync();
        });

        await woken.WaitAsync(Eventually.Patience);
    }

    private static void Append(CoreDbContext db, Guid tenant) =>
        EventLog.Append(db, EventTypes.DeviceEnrolled, tenant, StoredTime.UtcNow(TimeProvider.System), new JsonObject());

    private async Task InDatabaseAsync(Func<CoreDbContext, Task> work)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<CoreDbContext>());
    }
}
