using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Events;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests.Events;

public sealed class EventReaderGapOnSqlite(CoreFixture<OnSqlite> fixture) : EventReaderGapTests<OnSqlite>(fixture);

public sealed class EventReaderGapOnPostgres(CoreFixture<OnPostgres> fixture) : EventReaderGapTests<OnPostgres>(fixture)
{
    /// <summary>
    /// The hazard itself: on PostgreSQL a transaction that took a lower number can commit after one that took a
    /// higher number. The reader must not hand out the higher one (and move a cursor past the lower) until the lower
    /// one commits; a number whose transaction rolled back is passed once the settle window is over.
    /// </summary>
    [Fact]
    public async Task Out_of_order_commits_are_read_in_order_and_a_rolled_back_number_is_passed_after_the_settle_window()
    {
        var tenant = Guid.NewGuid();
        await using var slowScope = Fixture.Host.Services.CreateAsyncScope();
        var slow = slowScope.ServiceProvider.GetRequiredService<CoreDbContext>();
        await using var slowTransaction = await slow.Database.BeginTransactionAsync();
        var first = Append(slow, tenant, "first");
        await slow.SaveChangesAsync();
        var second = await AppendCommittedAsync(tenant, "second");
        Assert.True(second.Sequence > first.Sequence);

        Assert.Empty(await ReadAsync(tenant, first.Sequence - 1));

        await slowTransaction.CommitAsync();
        Assert.Equal(["first", "second"], (await ReadAsync(tenant, first.Sequence - 1)).Select(e => e.Type));

        await using (var abandonedScope = Fixture.Host.Services.CreateAsyncScope())
        {
            var abandoned = abandonedScope.ServiceProvider.GetRequiredService<CoreDbContext>();
            await using var transaction = await abandoned.Database.BeginTransactionAsync();
            Append(abandoned, tenant, "rolled-back");
            await abandoned.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        var fourth = await AppendCommittedAsync(tenant, "fourth");
        Assert.Empty(await ReadAsync(tenant, second.Sequence, settleSeconds: 1));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal([fourth.Sequence], (await ReadAsync(tenant, second.Sequence, settleSeconds: 1)).Select(e => e.Sequence));
    }
}

/// <summary>
/// <see cref="EventReader"/>'s gap rule on crafted event numbers: it reads in order, stops before a gap whose next
/// event is younger than the settle window, passes older gaps, and judges gaps across every tenant's events.
/// </summary>
public abstract class EventReaderGapTests<TProvider>(CoreFixture<TProvider> fixture) : IClassFixture<CoreFixture<TProvider>>
    where TProvider : IProviderChoice
{
    private static long _nextBase = 1_000_000_000_000;

    protected CoreFixture<TProvider> Fixture => fixture;

    [Fact]
    public async Task Contiguous_events_are_read_in_order_and_only_the_tenant_s_own()
    {
        var (tenant, other, b) = (Guid.NewGuid(), Guid.NewGuid(), NewBase());
        await CraftAsync((tenant, b + 1), (other, b + 2), (tenant, b + 3));

        Assert.Equal([b + 1, b + 3], await SequencesAsync(tenant, b));
        Assert.Equal([b + 3], await SequencesAsync(tenant, b + 1));
        Assert.Equal([b + 2], await SequencesAsync(other, b));
    }

    [Fact]
    public async Task A_young_gap_stops_the_read_until_it_fills()
    {
        var (tenant, b) = (Guid.NewGuid(), NewBase());
        await CraftAsync((tenant, b + 1), (tenant, b + 2), (tenant, b + 4));

        Assert.Equal([b + 1, b + 2], await SequencesAsync(tenant, b));
        Assert.Empty(await SequencesAsync(tenant, b + 2));

        await CraftAsync((tenant, b + 3));
        Assert.Equal([b + 1, b + 2, b + 3, b + 4], await SequencesAsync(tenant, b));
    }

    [Fact]
    public async Task A_gap_older_than_the_settle_window_is_a_rolled_back_insert_and_is_passed()
    {
        var (tenant, b) = (Guid.NewGuid(), NewBase());
        var old = DateTime.UtcNow.AddSeconds(-30);
        await CraftAsync(old, (tenant, b + 1), (tenant, b + 4));

        Assert.Equal([b + 1, b + 4], await SequencesAsync(tenant, b));
    }

    [Fact]
    public async Task Another_tenant_s_events_fill_the_numbers_in_between_and_its_gaps_stop_the_read()
    {
        var (tenant, other, b) = (Guid.NewGuid(), Guid.NewGuid(), NewBase());
        await CraftAsync((tenant, b + 1), (other, b + 2), (tenant, b + 3), (tenant, b + 5));

        Assert.Equal([b + 1, b + 3], await SequencesAsync(tenant, b));
    }

    [Fact]
    public async Task A_gap_at_or_below_the_cursor_does_not_stop_the_read()
    {
        var (tenant, b) = (Guid.NewGuid(), NewBase());
        await CraftAsync((tenant, b + 1), (tenant, b + 3));

        Assert.Empty(await SequencesAsync(tenant, b + 1));
        Assert.Equal([b + 3], await SequencesAsync(tenant, b + 2));
    }

    [Fact]
    public async Task A_type_filter_does_not_read_past_a_young_gap()
    {
        var (tenant, b) = (Guid.NewGuid(), NewBase());
        await CraftAsync((tenant, b + 1), (tenant, b + 4));

        Assert.Empty(await SequencesAsync(tenant, b, [EventTypes.CommandAcknowledged]));
        Assert.Equal([b + 1], await SequencesAsync(tenant, b, [EventTypes.DeviceEnrolled]));
    }

    [Fact]
    public async Task The_limit_bounds_a_read_and_the_next_read_continues_after_it()
    {
        var (tenant, b) = (Guid.NewGuid(), NewBase());
        await CraftAsync([.. Enumerable.Range(1, 5).Select(i => (tenant, b + i))]);

        var first = await ReadAsync(tenant, b, limit: 2);
        var rest = await ReadAsync(tenant, first[^1].Sequence, limit: 10);

        Assert.Equal([b + 1, b + 2], first.Select(e => e.Sequence));
        Assert.Equal([b + 3, b + 4, b + 5], rest.Select(e => e.Sequence));
    }

    protected static EventEntity Append(CoreDbContext db, Guid tenant, string type) =>
        EventLog.Append(db, type, tenant, StoredTime.UtcNow(TimeProvider.System), new System.Text.Json.Nodes.JsonObject());

    protected async Task<EventEntity> AppendCommittedAsync(Guid tenant, string type)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        var entry = Append(db, tenant, type);
        await db.SaveChangesAsync();
        return entry;
    }

    protected async Task<List<EventEntity>> ReadAsync(Guid tenant, long after, IReadOnlyCollection<string>? types = null, int limit = 100, int settleSeconds = 5)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var tenantContext = scope.ServiceProvider.GetRequiredService<TenantContext>();
        tenantContext.Enter(tenant);
        var reader = new EventReader(
            scope.ServiceProvider.GetRequiredService<CoreDbContext>(), tenantContext, Options.Create(new EventOptions { GapSettleSeconds = settleSeconds }), TimeProvider.System);
        return await reader.ReadAsync(after, types ?? [], limit, CancellationToken.None);
    }

    private async Task<List<long>> SequencesAsync(Guid tenant, long after, IReadOnlyCollection<string>? types = null) =>
        [.. (await ReadAsync(tenant, after, types)).Select(e => e.Sequence)];

    /// <summary>Far above the numbers the database hands out, and apart for each test.</summary>
    private static long NewBase() => Interlocked.Add(ref _nextBase, 1_000_000);

    private Task CraftAsync(params (Guid Tenant, long Sequence)[] rows) => CraftAsync(DateTime.UtcNow, rows);

    /// <summary>Events with the numbers given (odd ones of device.enrolled, even of command.acknowledged), as of <paramref name="occurredAt"/>.</summary>
    private async Task CraftAsync(DateTime occurredAt, params (Guid Tenant, long Sequence)[] rows)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        db.Events.AddRange(rows.Select(row => new EventEntity
        {
            Sequence = row.Sequence,
            Id = Guid.NewGuid(),
            TenantId = row.Tenant,
            Type = row.Sequence % 2 == 1 ? EventTypes.DeviceEnrolled : EventTypes.CommandAcknowledged,
            OccurredAt = StoredTime.UtcNow(TimeProvider.System) - (DateTime.UtcNow - occurredAt),
            DataJson = "{}",
        }));
        await db.SaveChangesAsync();
        Assert.Equal(rows.Length, await db.Events.IgnoreQueryFilters().CountAsync(e => rows.Select(r => r.Sequence).Contains(e.Sequence)));
    }
}
