using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SaaSMdm.Core.Events;
using SaaSMdm.Core.Maintenance;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests.Events;

public sealed class PushCertificateExpiryOnSqlite(EventsFixture<OnSqlite> fixture) : PushCertificateExpiryTests<OnSqlite>(fixture), IClassFixture<EventsFixture<OnSqlite>>;

public sealed class PushCertificateExpiryOnPostgres(EventsFixture<OnPostgres> fixture) : PushCertificateExpiryTests<OnPostgres>(fixture), IClassFixture<EventsFixture<OnPostgres>>;

/// <summary>A tenant hears that its push certificate expires at 30, 14, 7 and 1 days before, once per threshold, however often the check runs.</summary>
public abstract class PushCertificateExpiryTests<TProvider>(EventsFixture<TProvider> fixture) where TProvider : IProviderChoice
{
    [Fact]
    public async Task Each_threshold_is_announced_once_as_days_pass()
    {
        var tenant = await fixture.CreateTenantAsync();
        var notAfter = DateTime.UtcNow.AddDays(10).AddHours(1);
        await fixture.InTenantAsync(tenant.Id, async (db, _) =>
        {
            (await db.PushCertificates.SingleAsync()).NotAfter = notAfter;
            await db.SaveChangesAsync();
        });

        var sent = new List<int>();
        foreach (var daysLater in new[] { 0, 0, 1, 4, 4, 9.7, 11, 30 })
        {
            sent.Add(await CheckAsync(TimeSpan.FromDays(daysLater)));
        }

        var events = await fixture.ReadAsync(tenant.Id, db => db.Events.AsNoTracking().Where(e => e.Type == EventTypes.PushCertificateExpiring).OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal([1, 0, 0, 1, 0, 1, 0, 0], sent);
        Assert.Equal([10, 6, 0], events.Select(e => (int)JsonNode.Parse(e.DataJson)!["days_left"]!));
        Assert.All(events, e => Assert.Equal(tenant.Topic, (string?)JsonNode.Parse(e.DataJson)!["topic"]));
        Assert.All(events, e => Assert.Null(e.DeviceId));
    }

    [Fact]
    public async Task A_certificate_expired_long_ago_is_not_announced_again_after_retention_sweeps_its_notices()
    {
        var tenant = await fixture.CreateTenantAsync();
        await fixture.InTenantAsync(tenant.Id, async (db, _) =>
        {
            (await db.PushCertificates.SingleAsync()).NotAfter = DateTime.UtcNow.AddDays(-40);
            await db.SaveChangesAsync();
        });

        var sweep = fixture.Host.Services.GetRequiredService<RetentionSweep>();
        for (var round = 0; round < 2; round++)
        {
            await CheckAsync(TimeSpan.Zero);
            await sweep.SweepOnceAsync(CancellationToken.None);
        }

        Assert.Equal(0, await fixture.ReadAsync(tenant.Id, db => db.Events.AsNoTracking().CountAsync(e => e.Type == EventTypes.PushCertificateExpiring)));
    }

    /// <summary>One check as of <paramref name="later"/> from now, for the one tenant whose certificate expires soon.</summary>
    private Task<int> CheckAsync(TimeSpan later) =>
        new PushCertificateExpiryNotices(
            fixture.Host.Services.GetRequiredService<IServiceScopeFactory>(),
            fixture.Host.Services.GetRequiredService<IOptions<RetentionOptions>>(),
            new ShiftedClock(later),
            NullLogger<PushCertificateExpiryNotices>.Instance).CheckOnceAsync(CancellationToken.None);
}
