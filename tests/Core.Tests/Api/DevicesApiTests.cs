using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Rpc;
using SaaSMdm.TestHosts;
using EnrollmentKind = SaaSMdm.Core.Data.Entities.EnrollmentKind;
using EnrollmentState = SaaSMdm.Core.Data.Entities.EnrollmentState;

namespace SaaSMdm.Core.Tests.Api;

public sealed class DevicesApiOnSqlite(ApiFixture<OnSqlite> fixture) : DevicesApiTests<OnSqlite>(fixture);

public sealed class DevicesApiOnPostgres(ApiFixture<OnPostgres> fixture) : DevicesApiTests<OnPostgres>(fixture);

/// <summary>The Devices API over gRPC: listing with paging and filters, one device with its details, removal.</summary>
public abstract class DevicesApiTests<TProvider>(ApiFixture<TProvider> fixture) : IClassFixture<ApiFixture<TProvider>>
    where TProvider : IProviderChoice
{
    [Fact]
    public async Task Pages_walk_a_few_hundred_devices_newest_enrollment_first_without_gaps_or_repeats()
    {
        var tenant = await fixture.CreateTenantAsync();
        var other = await fixture.CreateTenantAsync();
        var devices = await fixture.SeedDevicesAsync(tenant.Id, 300, shape: (device, i) =>
        {
            // Pairs share an authentication time, so the channel id must break ties.
            device.AuthenticatedAt = TestDevices.Micro(DateTime.UtcNow.AddDays(-1).AddSeconds(i / 2));
        });
        await fixture.SeedDevicesAsync(other.Id, 20);

        var seen = new List<Device>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await fixture.Devices.ListDevicesAsync(new ListDevicesRequest { TenantId = tenant.Id, PageSize = 70, PageToken = token });
            Assert.InRange(page.Devices.Count, 1, 70);
            seen.AddRange(page.Devices);
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0);

        Assert.Equal(5, pages);
        Assert.Equal(devices.Select(d => d.Id.ToString()).Order(), seen.Select(d => d.Id).Order());
        Assert.All(seen, d => Assert.Equal(tenant.Id, d.TenantId));
        // Newest first; devices sharing a time come in the database's channel id order, which only has to be stable.
        var times = devices.ToDictionary(d => d.Id.ToString(), d => d.AuthenticatedAt);
        Assert.All(seen.Zip(seen.Skip(1)), pair => Assert.True(times[pair.First.Id] >= times[pair.Second.Id]));
    }

    [Fact]
    public async Task Default_page_is_100_and_an_empty_tenant_lists_nothing()
    {
        var tenant = await fixture.CreateTenantAsync();
        Assert.Empty((await fixture.Devices.ListDevicesAsync(new ListDevicesRequest { TenantId = tenant.Id })).Devices);

        await fixture.SeedDevicesAsync(tenant.Id, 101);
        var first = await fixture.Devices.ListDevicesAsync(new ListDevicesRequest { TenantId = tenant.Id });
        Assert.Equal(100, first.Devices.Count);
        Assert.NotEmpty(first.NextPageToken);
    }

    [Fact]
    public async Task Filters_select_by_os_version_model_last_seen_and_text_and_combine_with_paging()
    {
        var tenant = await fixture.CreateTenantAsync();
        var now = DateTime.UtcNow;
        var devices = await fixture.SeedDevicesAsync(tenant.Id, 200, shape: (device, i) =>
        {
            device.OsVersion = (i % 4) switch { 0 => "17", 1 => "17.4.1", 2 => "170.1", _ => "16.7" };
            device.Model = i % 5 == 0 ? "Mac14,2" : "iPhone15,2";
            device.ModelName = i % 5 == 0 ? "MacBook Air" : "iPhone";
            device.LastSeenAt = TestDevices.Micro(now.AddHours(-i));
            device.DeviceName = i % 10 == 3 ? $"ÄRZTE-iPad {i}" : $"Device {i}";
        });

        await AssertListedAsync(tenant.Id, new ListDevicesRequest { OsVersion = "17" }, devices.Where(d => d.OsVersion is "17" or "17.4.1"));
        await AssertListedAsync(tenant.Id, new ListDevicesRequest { OsVersion = "17.4" }, devices.Where(d => d.OsVersion == "17.4.1"));
        await AssertListedAsync(tenant.Id, new ListDevicesRequest { Model = "Mac14,2" }, devices.Where(d => d.Model == "Mac14,2"));
        await AssertListedAsync(tenant.Id, new ListDevicesRequest { Model = "MacBook Air" }, devices.Where(d => d.Model == "Mac14,2"));
        await AssertListedAsync(tenant.Id, new ListDevicesRequest { Model = "macbook air" }, []);
        var cutoff = now.AddHours(-50.5);
        await AssertListedAsync(tenant.Id, new ListDevicesRequest { LastSeenBefore = Timestamp.FromDateTime(cutoff) }, devices.Where(d => d.LastSeenAt < cutoff));
        await AssertListedAsync(tenant.Id, new ListDevicesRequest { LastSeenAfter = Timestamp.FromDateTime(cutoff) }, devices.Where(d => d.LastSeenAt > cutoff));
        await AssertListedAsync(tenant.Id, new ListDevicesRequest { Query = "ärzte" }, devices.Where(d => d.DeviceName!.StartsWith("ÄRZTE", StringComparison.Ordinal)));
        var serial = devices[7].SerialNumber!;
        await AssertListedAsync(tenant.Id, new ListDevicesRequest { Query = serial[2..8].ToLowerInvariant() }, devices.Where(d => d.SerialNumber!.Contains(serial[2..8], StringComparison.Ordinal)));
        await AssertListedAsync(tenant.Id, new ListDevicesRequest { Query = "%" }, []);
        await AssertListedAsync(tenant.Id, new ListDevicesRequest { Query = "_" }, []);
        await AssertListedAsync(tenant.Id, new ListDevicesRequest { OsVersion = "17", Model = "iPhone", LastSeenAfter = Timestamp.FromDateTime(cutoff) },
            devices.Where(d => d.OsVersion is "17" or "17.4.1" && d.Model != "Mac14,2" && d.LastSeenAt > cutoff));
    }

    [Fact]
    public async Task Checked_out_devices_are_listed_only_on_request_and_user_channels_never()
    {
        var tenant = await fixture.CreateTenantAsync();
        var devices = await fixture.SeedDevicesAsync(tenant.Id, 3, shape: (device, i) => device.State = i == 0 ? EnrollmentState.CheckedOut : EnrollmentState.Enrolled);
        await SeedUserChannelAsync(tenant.Id, devices[1]);

        await AssertListedAsync(tenant.Id, new ListDevicesRequest(), devices.Skip(1));
        await AssertListedAsync(tenant.Id, new ListDevicesRequest { IncludeCheckedOut = true }, devices);
    }

    [Theory]
    [InlineData("not-base64!")]
    [InlineData("bm90IGEgY3Vyc29y")]
    public async Task Foreign_page_token_is_INVALID_ARGUMENT(string token)
    {
        var tenant = await fixture.CreateTenantAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Devices.ListDevicesAsync(new ListDevicesRequest { TenantId = tenant.Id, PageToken = token }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("page_token", error.Status.Detail);
    }

    [Fact]
    public async Task Bad_list_arguments_are_INVALID_ARGUMENT()
    {
        var tenant = await fixture.CreateTenantAsync();
        foreach (var request in new[]
        {
            new ListDevicesRequest { PageSize = -1 },
            new ListDevicesRequest { Query = new string('x', 257) },
            new ListDevicesRequest { LastSeenAfter = new Timestamp { Seconds = long.MaxValue } },
        })
        {
            request.TenantId = tenant.Id;
            var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Devices.ListDevicesAsync(request).ResponseAsync);
            Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        }
    }

    [Fact]
    public async Task Get_device_shows_facts_user_channels_pending_commands_and_inventory()
    {
        var tenant = await fixture.CreateTenantAsync();
        var device = (await fixture.SeedDevicesAsync(tenant.Id, 1))[0];
        var user = await SeedUserChannelAsync(tenant.Id, device);
        await fixture.InTenantAsync(tenant.Id, async db =>
        {
            db.InventorySnapshots.Add(new InventorySnapshotEntity
            {
                EnrollmentId = device.Id, TenantId = device.TenantId, Kind = "DeviceInformation", Json = """{"QueryResponses":{"OSVersion":"17.4.1"}}""", UpdatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });
        await fixture.Commands.EnqueueCommandAsync(new EnqueueCommandRequest { TenantId = tenant.Id, DeviceIds = { device.Id.ToString() }, SecurityInfo = new(), NoPush = true });
        await fixture.Commands.EnqueueCommandAsync(new EnqueueCommandRequest { TenantId = tenant.Id, DeviceIds = { device.Id.ToString() }, ProfileList = new(), NoPush = true });

        var got = await fixture.Devices.GetDeviceAsync(new GetDeviceRequest { TenantId = tenant.Id, DeviceId = device.Id.ToString() });

        Assert.Equal(device.Udid, got.Udid);
        Assert.Equal(device.ChannelId, got.EnrollmentId);
        Assert.Equal(device.SerialNumber, got.SerialNumber);
        Assert.Equal("iPhone15,2", got.Model);
        Assert.Equal("17.4.1", got.OsVersion);
        Assert.Equal(Contracts.V1.EnrollmentState.Enrolled, got.State);
        Assert.Equal(Contracts.V1.EnrollmentKind.Device, got.Kind);
        Assert.Equal(device.EnrolledAt, got.EnrolledTime.ToDateTime());
        Assert.Equal(device.LastSeenAt, got.LastSeenTime.ToDateTime());
        Assert.True(got.PushTokenValid);
        Assert.Equal(2, got.PendingCommands);
        var channel = Assert.Single(got.UserChannels);
        Assert.Equal(user.ChannelId, channel.EnrollmentId);
        Assert.Equal("jappleseed", channel.UserShortName);
        Assert.Equal("""{"QueryResponses":{"OSVersion":"17.4.1"}}""", got.InventoryJson["DeviceInformation"]);
    }

    [Fact]
    public async Task Devices_of_another_tenant_and_user_channels_are_NOT_FOUND_for_every_call_and_stay()
    {
        var tenant = await fixture.CreateTenantAsync();
        var (other, _) = await fixture.CreateTenantWithPushCertificateAsync();
        var foreign = (await fixture.SeedDevicesAsync(other.Id, 1))[0];
        var user = await SeedUserChannelAsync(other.Id, foreign);
        var before = await fixture.CountAllAsync();

        foreach (var id in new[] { foreign.Id, user.Id, Guid.NewGuid() })
        {
            var calls = new Func<Task>[]
            {
                () => fixture.Devices.GetDeviceAsync(new GetDeviceRequest { TenantId = tenant.Id, DeviceId = id.ToString() }).ResponseAsync,
                () => fixture.Devices.PushDeviceAsync(new PushDeviceRequest { TenantId = tenant.Id, DeviceId = id.ToString() }).ResponseAsync,
                () => fixture.Devices.RemoveDeviceAsync(new RemoveDeviceRequest { TenantId = tenant.Id, DeviceId = id.ToString() }).ResponseAsync,
            };
            foreach (var call in calls)
            {
                var error = await Assert.ThrowsAsync<RpcException>(call);
                Assert.Equal(StatusCode.NotFound, error.StatusCode);
            }
        }

        // A user channel's id is no device id, even for its own tenant.
        var own = await Assert.ThrowsAsync<RpcException>(() => fixture.Devices.GetDeviceAsync(new GetDeviceRequest { TenantId = other.Id, DeviceId = user.Id.ToString() }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, own.StatusCode);
        Assert.Equal(before, await fixture.CountAllAsync());
        Assert.Empty((await fixture.Devices.ListDevicesAsync(new ListDevicesRequest { TenantId = tenant.Id })).Devices);
    }

    [Fact]
    public async Task Malformed_device_id_is_INVALID_ARGUMENT()
    {
        var tenant = await fixture.CreateTenantAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Devices.GetDeviceAsync(new GetDeviceRequest { TenantId = tenant.Id, DeviceId = "device-1" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("device_id", error.Status.Detail);
    }

    [Fact]
    public async Task Remove_device_deletes_it_with_user_channels_queue_and_inventory_but_keeps_results()
    {
        var tenant = await fixture.CreateTenantAsync();
        var devices = await fixture.SeedDevicesAsync(tenant.Id, 2);
        var (device, bystander) = (devices[0], devices[1]);
        var user = await SeedUserChannelAsync(tenant.Id, device);
        var ids = new[] { device.Id.ToString(), bystander.Id.ToString() };
        var answered = await fixture.Commands.EnqueueCommandAsync(new EnqueueCommandRequest { TenantId = tenant.Id, DeviceIds = { ids }, SecurityInfo = new(), NoPush = true });
        await fixture.Commands.EnqueueCommandAsync(new EnqueueCommandRequest { TenantId = tenant.Id, DeviceIds = { ids }, ProfileList = new(), NoPush = true });
        await fixture.InTenantAsync(tenant.Id, async db =>
        {
            db.InventorySnapshots.Add(new InventorySnapshotEntity { EnrollmentId = device.Id, TenantId = device.TenantId, Kind = "SecurityInfo", Json = "{}", UpdatedAt = DateTime.UtcNow });
            db.InventorySnapshots.Add(new InventorySnapshotEntity { EnrollmentId = user.Id, TenantId = device.TenantId, Kind = "ProfileList", Json = "{}", UpdatedAt = DateTime.UtcNow });
            db.CommandQueue.Add(new QueuedCommandEntity { EnrollmentId = user.Id, TenantId = user.TenantId, CommandId = answered.CommandUuid, QueuedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        await fixture.CompleteCommandAsync(tenant.Id, device.Id, answered.CommandUuid, CommandResultStatus.Acknowledged, DeviceReports.Acknowledged(device, answered.CommandUuid));

        await fixture.Devices.RemoveDeviceAsync(new RemoveDeviceRequest { TenantId = tenant.Id, DeviceId = device.Id.ToString() });

        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Devices.GetDeviceAsync(new GetDeviceRequest { TenantId = tenant.Id, DeviceId = device.Id.ToString() }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        await fixture.InTenantAsync(tenant.Id, async db =>
        {
            var gone = new[] { device.Id, user.Id };
            Assert.False(await db.Enrollments.AnyAsync(e => gone.Contains(e.Id)));
            Assert.False(await db.CommandQueue.AnyAsync(q => gone.Contains(q.EnrollmentId)));
            Assert.False(await db.InventorySnapshots.AnyAsync(s => gone.Contains(s.EnrollmentId)));
            Assert.True(await db.CommandResults.AnyAsync(r => r.EnrollmentId == device.Id));
            Assert.Equal(2, await db.CommandQueue.CountAsync(q => q.EnrollmentId == bystander.Id));
        });
        Assert.Single((await fixture.Devices.ListDevicesAsync(new ListDevicesRequest { TenantId = tenant.Id })).Devices);
    }

    private async Task AssertListedAsync(string tenantId, ListDevicesRequest request, IEnumerable<EnrollmentEntity> expected)
    {
        request.TenantId = tenantId;
        request.PageSize = 7;
        var listed = new List<string>();
        do
        {
            var page = await fixture.Devices.ListDevicesAsync(request);
            listed.AddRange(page.Devices.Select(d => d.Id));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        Assert.Equal(expected.Select(d => d.Id.ToString()).Order(), listed.Order());
    }

    private Task<EnrollmentEntity> SeedUserChannelAsync(string tenantId, EnrollmentEntity device) =>
        fixture.InTenantAsync(tenantId, async db =>
        {
            var user = new EnrollmentEntity
            {
                Id = Guid.NewGuid(),
                TenantId = device.TenantId,
                ChannelId = device.ChannelId + ":" + Guid.NewGuid().ToString("D").ToUpperInvariant(),
                Kind = EnrollmentKind.User,
                ParentId = device.Id,
                State = EnrollmentState.Enrolled,
                UserId = Guid.NewGuid().ToString("D"),
                UserShortName = "jappleseed",
                UserLongName = "John Appleseed",
                AuthenticatedAt = DateTime.UtcNow,
                LastSeenAt = TestDevices.Micro(DateTime.UtcNow),
            };
            db.Enrollments.Add(user);
            await db.SaveChangesAsync();
            return user;
        });
}
