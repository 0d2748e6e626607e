using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using Microsoft.EntityFrameworkCore;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Rpc;
using SaaSMdm.TestHosts;
using EnrollmentState = SaaSMdm.Core.Data.Entities.EnrollmentState;

namespace SaaSMdm.Core.Tests.Api.DeviceGrid;

public sealed class DeviceGridApiOnSqlite(ApiFixture<OnSqlite> fixture) : DeviceGridApiTests<OnSqlite>(fixture);

public sealed class DeviceGridApiOnPostgres(ApiFixture<OnPostgres> fixture) : DeviceGridApiTests<OnPostgres>(fixture);

/// <summary>ListDevices as a portal grid uses it: every order in both directions, filters, skip and total_size, bad input.</summary>
public abstract class DeviceGridApiTests<TProvider>(ApiFixture<TProvider> fixture) : IClassFixture<ApiFixture<TProvider>>
    where TProvider : IProviderChoice
{
    private static readonly DeviceOrder[] Orders = Enum.GetValues<DeviceOrder>();

    [Fact]
    public async Task Every_order_in_both_directions_pages_through_exactly_the_in_memory_sort()
    {
        var (tenantId, devices) = await SeedGridAsync(61);
        foreach (var order in Orders)
        {
            foreach (var descending in new[] { false, true })
            {
                var request = new ListDevicesRequest { TenantId = tenantId, OrderBy = order, Descending = descending };
                var listed = await PageThroughAsync(request, pageSize: 7, expectedTotal: devices.Count);
                Assert.Equal(ExpectedOrder.Of(devices, order, descending).Select(d => d.Id.ToString()), listed);
            }
        }
    }

    [Fact]
    public async Task Filters_combine_with_every_order()
    {
        var (tenantId, devices) = await SeedGridAsync(80);
        var matching = devices.Where(d => d.Platform == DevicePlatform.IPadOS && d.OsVersion is "17.4" or "17.4.1"
            && (d.DeviceName?.Contains('1') == true || d.SerialNumber?.Contains('1') == true)).ToList();
        Assert.InRange(matching.Count, 2, 30);
        foreach (var order in Orders)
        {
            foreach (var descending in new[] { false, true })
            {
                var request = new ListDevicesRequest
                {
                    TenantId = tenantId, OrderBy = order, Descending = descending, Platform = Platform.Ipados, OsVersion = "17.4", Query = "1",
                };
                var listed = await PageThroughAsync(request, pageSize: 3, expectedTotal: matching.Count);
                Assert.Equal(ExpectedOrder.Of(matching, order, descending).Select(d => d.Id.ToString()), listed);
            }
        }
    }

    [Fact]
    public async Task Skip_jumps_to_the_page_paging_reaches_and_total_size_counts_every_match()
    {
        var (tenantId, devices) = await SeedGridAsync(50);
        foreach (var (order, descending) in new[] { (DeviceOrder.DeviceName, false), (DeviceOrder.LastSeenTime, true), (DeviceOrder.EnrolledTime, false) })
        {
            var expected = ExpectedOrder.Of(devices, order, descending).Select(d => d.Id.ToString()).ToList();
            foreach (var skip in new[] { 0, 1, 20, 41, 44, 49, 50, 5000 })
            {
                var page = await fixture.Devices.ListDevicesAsync(new ListDevicesRequest { TenantId = tenantId, OrderBy = order, Descending = descending, Skip = skip, PageSize = 6 });
                Assert.Equal(expected.Skip(skip).Take(6), page.Devices.Select(d => d.Id));
                Assert.Equal(50, page.TotalSize);
                Assert.Equal(skip + 6 < 50, page.NextPageToken.Length > 0);
                if (page.NextPageToken.Length > 0)
                {
                    var next = await fixture.Devices.ListDevicesAsync(new ListDevicesRequest
                    {
                        TenantId = tenantId, OrderBy = order, Descending = descending, PageToken = page.NextPageToken, PageSize = 6,
                    });
                    Assert.Equal(expected.Skip(skip + 6).Take(6), next.Devices.Select(d => d.Id));
                }
            }
        }
    }

    [Fact]
    public async Task Devices_report_their_platform_and_the_platform_filter_selects_it()
    {
        var (tenantId, devices) = await SeedGridAsync(30);
        var page = await fixture.Devices.ListDevicesAsync(new ListDevicesRequest { TenantId = tenantId, Platform = Platform.Macos });
        Assert.Equal(devices.Where(d => d.Platform == DevicePlatform.MacOS).Select(d => d.Id.ToString()).Order(), page.Devices.Select(d => d.Id).Order());
        Assert.All(page.Devices, d => Assert.Equal(Platform.Macos, d.Platform));
        Assert.Equal(page.Devices.Count, page.TotalSize);
    }

    [Fact]
    public async Task Never_seen_lists_exactly_the_devices_without_a_check_in_in_every_order()
    {
        var (tenantId, devices) = await SeedGridAsync(40);
        var neverSeen = devices.Where(d => d.LastSeenAt is null).ToList();
        Assert.InRange(neverSeen.Count, 2, 20);
        foreach (var order in Orders)
        {
            var request = new ListDevicesRequest { TenantId = tenantId, OrderBy = order, NeverSeen = true };
            var listed = await PageThroughAsync(request, pageSize: 4, expectedTotal: neverSeen.Count);
            Assert.Equal(ExpectedOrder.Of(neverSeen, order, false).Select(d => d.Id.ToString()), listed);
        }
    }

    [Fact]
    public async Task Bad_grid_arguments_are_INVALID_ARGUMENT_and_change_nothing()
    {
        var (tenantId, _) = await SeedGridAsync(12);
        var (otherTenantId, _) = await SeedGridAsync(3);
        var first = await fixture.Devices.ListDevicesAsync(new ListDevicesRequest { TenantId = tenantId, OrderBy = DeviceOrder.DeviceName, PageSize = 5 });
        var token = first.NextPageToken;
        var before = await fixture.CountAllAsync();

        var requests = new (string Why, ListDevicesRequest Request)[]
        {
            ("unknown order", new ListDevicesRequest { TenantId = tenantId, OrderBy = (DeviceOrder)99 }),
            ("unknown platform", new ListDevicesRequest { TenantId = tenantId, Platform = (Platform)42 }),
            ("negative skip", new ListDevicesRequest { TenantId = tenantId, Skip = -1 }),
            ("huge skip", new ListDevicesRequest { TenantId = tenantId, Skip = 1_000_001 }),
            ("skip with a token", new ListDevicesRequest { TenantId = tenantId, OrderBy = DeviceOrder.DeviceName, PageToken = token, Skip = 5 }),
            ("token of another order", new ListDevicesRequest { TenantId = tenantId, OrderBy = DeviceOrder.SerialNumber, PageToken = token }),
            ("token of another direction", new ListDevicesRequest { TenantId = tenantId, OrderBy = DeviceOrder.DeviceName, Descending = true, PageToken = token }),
            ("token of other filters", new ListDevicesRequest { TenantId = tenantId, OrderBy = DeviceOrder.DeviceName, Query = "D", PageToken = token }),
            ("token of another tenant", new ListDevicesRequest { TenantId = otherTenantId, OrderBy = DeviceOrder.DeviceName, PageToken = token }),
            ("never seen and seen before", new ListDevicesRequest { TenantId = tenantId, NeverSeen = true, LastSeenBefore = Timestamp.FromDateTime(DateTime.UtcNow) }),
            ("never seen and seen after", new ListDevicesRequest { TenantId = tenantId, NeverSeen = true, LastSeenAfter = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(-1)) }),
            ("token of the old format", new ListDevicesRequest { TenantId = tenantId, PageToken = Tenants.PageToken.Create("638000000000000000|ABC") }),
        };
        foreach (var (why, request) in requests)
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Devices.ListDevicesAsync(request).ResponseAsync);
            Assert.True(error.StatusCode == StatusCode.InvalidArgument, $"{why}: {error.StatusCode} {error.Status.Detail}");
        }

        Assert.Equal(before, await fixture.CountAllAsync());
        var again = await fixture.Devices.ListDevicesAsync(new ListDevicesRequest { TenantId = tenantId, OrderBy = DeviceOrder.DeviceName, PageSize = 5, PageToken = token });
        Assert.Equal(5, again.Devices.Count);
    }

    [Fact]
    public async Task Fleet_summary_counts_a_seeded_fleet()
    {
        var tenant = await fixture.CreateTenantAsync();
        var now = DateTime.UtcNow;
        var shapes = new (DevicePlatform Platform, string? Os, int EnrolledDaysAgo, double? SeenDaysAgo, EnrollmentState State)[]
        {
            (DevicePlatform.IOS, "17.4.1", 0, 0.1, EnrollmentState.Enrolled),
            (DevicePlatform.IOS, "17.4.1", 0, 2, EnrollmentState.Enrolled),
            (DevicePlatform.IOS, "16.7", 3, 10, EnrollmentState.Enrolled),
            (DevicePlatform.IPadOS, "17.4.1", 29, 40, EnrollmentState.Enrolled),
            (DevicePlatform.MacOS, "14.4", 45, null, EnrollmentState.Enrolled),
            (DevicePlatform.Unknown, null, 1, 0.5, EnrollmentState.Enrolled),
            (DevicePlatform.IOS, "17.4.1", 0, 0.1, EnrollmentState.CheckedOut),
            (DevicePlatform.TvOS, "17.4", 0, 0.1, EnrollmentState.Pending),
        };
        var devices = await fixture.SeedDevicesAsync(tenant.Id, shapes.Length, shape: (device, i) =>
        {
            var shape = shapes[i];
            device.Platform = shape.Platform;
            device.OsVersion = shape.Os;
            device.State = shape.State;
            device.EnrolledAt = TestDevices.Micro(now.AddDays(-shape.EnrolledDaysAgo));
            device.LastSeenAt = shape.SeenDaysAgo is { } days ? TestDevices.Micro(now.AddDays(-days)) : null;
        });
        var user = await TestDevices.SeedUserChannelAsync(fixture.Host.Services, tenant.Id, devices[1]);
        await fixture.InTenantAsync(tenant.Id, async db =>
        {
            db.DeclarationStatuses.AddRange(
                Status(devices[0], "a", "invalid", null),
                Status(user, "b", "valid", """[{"code": "Error.ConfigurationCannotBeApplied"}]"""),
                Status(devices[2], "c", "valid", null),
                Status(devices[6], "d", "invalid", null));
            Queue(db, devices[0], 3);
            Queue(db, user, 2);
            Queue(db, devices[6], 4);
            await db.SaveChangesAsync();
        });

        var summary = await fixture.Devices.GetFleetSummaryAsync(new GetFleetSummaryRequest { TenantId = tenant.Id });

        Assert.Equal(6, summary.TotalDevices);
        Assert.Equal(
            [(Platform.Ios, 3), (Platform.Unspecified, 1), (Platform.Ipados, 1), (Platform.Macos, 1)],
            summary.Platforms.Select(p => (p.Platform, p.Devices)));
        Assert.Equal(
            [(Platform.Ios, "17.4.1", 2), (Platform.Ios, "16.7", 1), (Platform.Ipados, "17.4.1", 1), (Platform.Macos, "14.4", 1)],
            summary.OsVersions.Select(v => (v.Platform, v.OsVersion, v.Devices)));
        Assert.Equal(30, summary.EnrolledPerDay.Count);
        Assert.Equal(now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), summary.EnrolledPerDay[^1].Date);
        Assert.Equal([2, 1, 1, 1], new[] { summary.EnrolledPerDay[^1].Devices, summary.EnrolledPerDay[^2].Devices, summary.EnrolledPerDay[^4].Devices, summary.EnrolledPerDay[0].Devices });
        Assert.Equal(5, summary.EnrolledPerDay.Sum(d => d.Devices));
        Assert.Equal(new CheckInAges { Under1Day = 2, From1To7Days = 1, From7To30Days = 1, Over30Days = 1, Never = 1 }, summary.LastCheckIn);
        Assert.Equal(2, summary.DevicesWithFailingDeclarations);
        Assert.Equal(5, summary.PendingCommands);
        Assert.Equal(2, summary.DevicesWithPendingCommands);
    }

    [Fact]
    public async Task Fleet_summary_of_an_empty_tenant_is_zeros()
    {
        var tenant = await fixture.CreateTenantAsync();
        var summary = await fixture.Devices.GetFleetSummaryAsync(new GetFleetSummaryRequest { TenantId = tenant.Id });
        Assert.Equal(0, summary.TotalDevices);
        Assert.Empty(summary.Platforms);
        Assert.Equal(new CheckInAges(), summary.LastCheckIn);
        Assert.All(summary.EnrolledPerDay, d => Assert.Equal(0, d.Devices));
    }

    private async Task<List<string>> PageThroughAsync(ListDevicesRequest request, int pageSize, int expectedTotal)
    {
        var listed = new List<string>();
        request.PageSize = pageSize;
        do
        {
            var page = await fixture.Devices.ListDevicesAsync(request);
            Assert.Equal(expectedTotal, page.TotalSize);
            Assert.True(page.Devices.Count == pageSize || page.NextPageToken.Length == 0);
            listed.AddRange(page.Devices.Select(d => d.Id));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0 && listed.Count <= expectedTotal);

        return listed;
    }

    /// <summary>
    /// Devices with ties in every sorted column and some without each value; text of capitals and digits only, so the
    /// databases' collations and ordinal order agree.
    /// </summary>
    private async Task<(string TenantId, List<EnrollmentEntity> Devices)> SeedGridAsync(int count)
    {
        var tenant = await fixture.CreateTenantAsync();
        var platforms = new[] { DevicePlatform.IOS, DevicePlatform.IPadOS, DevicePlatform.MacOS, DevicePlatform.Unknown };
        var versions = new[] { "17.4", "17.4.1", "16.1", "9.3", null };
        var now = DateTime.UtcNow;
        var devices = await fixture.SeedDevicesAsync(tenant.Id, count, shape: (device, i) =>
        {
            device.DeviceName = i % 9 == 4 ? null : $"D{i % 13}";
            device.SerialNumber = i % 11 == 5 ? null : $"C{(i * 7) % 17:D2}X";
            device.OsVersion = versions[i % versions.Length];
            device.Platform = platforms[i % platforms.Length];
            device.Model = i % 8 == 7 ? null : $"M{i % 3}";
            device.AuthenticatedAt = TestDevices.Micro(now.AddMinutes(-(i % 10)));
            device.LastSeenAt = i % 6 == 1 ? null : TestDevices.Micro(now.AddHours(-(i % 5)));
        });
        return (tenant.Id, devices);
    }

    private static DeclarationStatusEntity Status(EnrollmentEntity channel, string identifier, string valid, string? reasons) => new()
    {
        EnrollmentId = channel.Id,
        TenantId = channel.TenantId,
        Identifier = "com.example." + identifier,
        Category = "configuration",
        Active = valid == "valid",
        Valid = valid,
        ServerToken = "token",
        ReasonsJson = reasons,
        ReportedAt = DateTime.UtcNow,
    };

    private static void Queue(Data.CoreDbContext db, EnrollmentEntity channel, int commands)
    {
        for (var sequence = 1; sequence <= commands; sequence++)
        {
            var id = Guid.NewGuid().ToString("D").ToUpperInvariant();
            db.Commands.Add(new CommandEntity { Id = id, TenantId = channel.TenantId, RequestType = "DeviceInformation", Plist = [], CreatedAt = DateTime.UtcNow });
            db.CommandQueue.Add(new QueuedCommandEntity { EnrollmentId = channel.Id, CommandId = id, TenantId = channel.TenantId, Sequence = sequence, QueuedAt = DateTime.UtcNow });
        }
    }
}
