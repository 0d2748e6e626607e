using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaaSMdm.Core.Enrollments.LastSeen;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests.Gateway;

public sealed class LastSeenTestsOnSqlite(GatewayFixture<OnSqlite> fixture) : LastSeenTests<OnSqlite>(fixture), IClassFixture<GatewayFixture<OnSqlite>>;

public sealed class LastSeenTestsOnPostgres(GatewayFixture<OnPostgres> fixture) : LastSeenTests<OnPostgres>(fixture), IClassFixture<GatewayFixture<OnPostgres>>;

/// <summary>Device requests never write last-seen themselves: it is collected in memory and written in batches.</summary>
public abstract class LastSeenTests<TProvider>(GatewayFixture<TProvider> fixture) where TProvider : IProviderChoice
{
    [Fact]
    public async Task Requests_write_nothing_and_a_flush_writes_the_latest_time_of_every_channel_across_tenants()
    {
        var first = await fixture.CreateTenantAsync();
        var second = await fixture.CreateTenantAsync();
        var phone = await first.EnrollDeviceAsync();
        var mac = await second.EnrollDeviceAsync();
        TestDevice.AssertAccepted(await mac.CheckInAsync(mac.TokenUpdate().Add("UserID", "user-1")));
        await fixture.FlushLastSeenAsync();
        await ForgetLastSeenAsync(first, second);
        var start = DateTime.UtcNow;

        for (var i = 0; i < 5; i++)
        {
            await phone.ConnectAsync("Idle");
        }

        await mac.ConnectAsync(mac.Report("Idle", keys: new() { ["UserID"] = "user-1" }));
        var beforeFlush = await AllLastSeenAsync(first, second);
        var written = await fixture.FlushLastSeenAsync();
        var afterFlush = await AllLastSeenAsync(first, second);

        Assert.All(beforeFlush, seen => Assert.Null(seen));
        Assert.Equal(3, written);
        Assert.Equal(3, afterFlush.Count);
        Assert.All(afterFlush, seen => Assert.InRange(seen!.Value, start, DateTime.UtcNow));
        Assert.Equal(0, fixture.Host.Services.GetRequiredService<LastSeenRecorder>().PendingCount);
        Assert.Equal(0, await fixture.FlushLastSeenAsync());
    }

    [Fact]
    public async Task Core_writes_last_seen_on_its_own_timer_and_on_shutdown()
    {
        var tenant = await fixture.CreateTenantAsync();
        var device = await tenant.EnrollDeviceAsync();

        await fixture.RestartAsync();
        var atShutdown = (await fixture.FindEnrollmentAsync(tenant.Id, device.Udid))!.LastSeenAt;

        await fixture.RestartAsync(lastSeenFlushSeconds: 1);
        await device.ConnectAsync("Idle");
        var deadline = DateTime.UtcNow.AddSeconds(15);
        DateTime? byTimer;
        do
        {
            await Task.Delay(200);
            byTimer = (await fixture.FindEnrollmentAsync(tenant.Id, device.Udid))!.LastSeenAt;
        }
        while (byTimer == atShutdown && DateTime.UtcNow < deadline);

        await fixture.RestartAsync();
        Assert.NotNull(atShutdown);
        Assert.True(byTimer > atShutdown, "the hosted service wrote the connect's time without being asked");
    }

    private async Task ForgetLastSeenAsync(params TestTenant[] tenants)
    {
        foreach (var tenant in tenants)
        {
            await fixture.InTenantAsync(tenant.Id, (db, _) => db.Enrollments.ExecuteUpdateAsync(update => update.SetProperty(e => e.LastSeenAt, (DateTime?)null)));
        }
    }

    private async Task<List<DateTime?>> AllLastSeenAsync(params TestTenant[] tenants)
    {
        var all = new List<DateTime?>();
        foreach (var tenant in tenants)
        {
            all.AddRange(await fixture.ReadAsync(tenant.Id, db => db.Enrollments.Select(e => e.LastSeenAt).ToListAsync()));
        }

        return all;
    }
}
