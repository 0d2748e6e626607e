using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaaSMdm.AppleFakes.Apns;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Push;
using SaaSMdm.Core.Tests.Api;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests.Push;

/// <summary>A Core whose sweep takes at most five enrollments per tick.</summary>
public sealed class SweepFixture<TProvider> : ApiFixture<TProvider> where TProvider : IProviderChoice
{
    public const int BatchSize = 5;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Apns:SweepBatchSize"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

public sealed class PushSweepOnSqlite(SweepFixture<OnSqlite> fixture) : PushSweepTests<OnSqlite>(fixture);

public sealed class PushSweepOnPostgres(SweepFixture<OnPostgres> fixture) : PushSweepTests<OnPostgres>(fixture);

/// <summary>The paced re-push across tenants: what it picks, how many per tick, and that one tick's claims never overlap.</summary>
public abstract class PushSweepTests<TProvider>(SweepFixture<TProvider> fixture) : IClassFixture<SweepFixture<TProvider>>
    where TProvider : IProviderChoice
{
    private PushSweep Sweep => fixture.Host.Services.GetRequiredService<PushSweep>();

    [Fact]
    public async Task Devices_with_queued_commands_are_pushed_a_bounded_number_per_tick_each_once()
    {
        await DrainAsync();
        var (tenant, topic) = await fixture.CreateTenantWithPushCertificateAsync();
        var devices = await fixture.SeedDevicesAsync(tenant.Id, 12, topic);
        await EnqueueWithoutPushAsync(tenant.Id, devices);

        var ticks = new List<int>();
        for (var tick = 0; tick < 4; tick++)
        {
            ticks.Add((await Sweep.SweepOnceAsync(CancellationToken.None)).Count);
        }

        Assert.Equal([5, 5, 2, 0], ticks);
        var pushes = PushesTo(devices);
        Assert.Equal(12, pushes.Count);
        Assert.Equal(12, pushes.Select(p => p.DeviceToken).Distinct().Count());
        Assert.All(pushes, p => Assert.Equal(topic, p.Topic));
    }

    [Fact]
    public async Task Silent_devices_are_pushed_and_recently_seen_or_pushed_ones_are_not()
    {
        await DrainAsync();
        var (tenant, topic) = await fixture.CreateTenantWithPushCertificateAsync();
        var longAgo = TestDevices.Micro(DateTime.UtcNow.AddHours(-30));
        var recently = TestDevices.Micro(DateTime.UtcNow.AddMinutes(-10));
        var devices = await fixture.SeedDevicesAsync(tenant.Id, 5, topic, (device, i) =>
        {
            (device.LastSeenAt, device.LastPushAt) = i switch
            {
                0 => (longAgo, (DateTime?)null),
                1 => (longAgo, longAgo),
                2 => (recently, null),
                3 => (longAgo, recently),
                _ => (longAgo, null),
            };
            if (i == 4)
            {
                device.PushTokenInvalidSince = recently;
            }
        });

        var claimed = await Sweep.SweepOnceAsync(CancellationToken.None);

        Assert.Equal(new[] { devices[0].Id, devices[1].Id }.Order(), claimed.Order());
        Assert.Equal(2, PushesTo(devices).Count);
        Assert.Empty(await Sweep.SweepOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Tenants_without_a_push_certificate_are_skipped()
    {
        await DrainAsync();
        var tenant = await fixture.CreateTenantAsync();
        var devices = await fixture.SeedDevicesAsync(tenant.Id, 2);
        await EnqueueWithoutPushAsync(tenant.Id, devices);

        Assert.Empty(await Sweep.SweepOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Replicas_sweeping_at_the_same_moment_claim_each_device_once()
    {
        await DrainAsync();
        var (tenant, topic) = await fixture.CreateTenantWithPushCertificateAsync();
        var devices = await fixture.SeedDevicesAsync(tenant.Id, SweepFixture<TProvider>.BatchSize, topic);
        await EnqueueWithoutPushAsync(tenant.Id, devices);
        // A second replica: its own sweep over the same database.
        var replica = ActivatorUtilities.CreateInstance<PushSweep>(fixture.Host.Services);

        var claims = await Task.WhenAll(Sweep.SweepOnceAsync(CancellationToken.None), replica.SweepOnceAsync(CancellationToken.None));

        Assert.Empty(claims[0].Intersect(claims[1]));
        Assert.Equal(devices.Select(d => d.Id).Order(), claims[0].Concat(claims[1]).Order());
        Assert.Equal(devices.Count, PushesTo(devices).Count);
        var lastPushes = await fixture.InTenantAsync(tenant.Id, db => db.Enrollments.Select(e => e.LastPushAt).ToListAsync());
        Assert.All(lastPushes, time => Assert.NotNull(time));
    }

    /// <summary>Leaves nothing for the sweep from earlier tests of the class.</summary>
    private async Task DrainAsync()
    {
        while ((await Sweep.SweepOnceAsync(CancellationToken.None)).Count > 0)
        {
        }
    }

    private Task EnqueueWithoutPushAsync(string tenantId, IEnumerable<EnrollmentEntity> devices)
    {
        var request = new EnqueueCommandRequest { TenantId = tenantId, SecurityInfo = new(), NoPush = true };
        request.DeviceIds.AddRange(devices.Select(d => d.Id.ToString()));
        return fixture.Commands.EnqueueCommandAsync(request).ResponseAsync;
    }

    private List<ReceivedPush> PushesTo(IEnumerable<EnrollmentEntity> devices)
    {
        var tokens = devices.Select(d => Convert.ToHexStringLower(d.PushToken!)).ToHashSet();
        return fixture.Apns.ReceivedPushes.Where(p => tokens.Contains(p.DeviceToken)).ToList();
    }
}
