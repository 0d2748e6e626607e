using System.Net;
using System.Text.Json;
using SaaSMdm.Apple.Cms;
using SaaSMdm.Apple.Plist;
using SaaSMdm.Contracts.V1;
using SaaSMdm.DeviceSim.Fleet;
using SaaSMdm.DeviceSim.Hardware;
using SaaSMdm.DeviceSim.Protocol;
using SaaSMdm.DeviceSim.Transport;
using SaaSMdm.DeviceSim;
using SaaSMdm.TestHosts;

namespace SaaSMdm.EndToEnd;

public sealed class DeviceLifecycleOnSqlite(LifecycleFixture<OnSqlite> fixture) : DeviceLifecycleTests<OnSqlite>(fixture);

public sealed class DeviceLifecycleOnPostgres(LifecycleFixture<OnPostgres> fixture) : DeviceLifecycleTests<OnPostgres>(fixture);

/// <summary>
/// The whole device lifecycle through Edge and Core running as separate processes: simulated iPhones, iPads
/// and Macs enroll at a tenant's URL, get a command through the API and a push through APNs, answer it, and
/// the answers are visible through the API.
/// </summary>
public abstract class DeviceLifecycleTests<TProvider>(LifecycleFixture<TProvider> fixture) : IClassFixture<LifecycleFixture<TProvider>>
    where TProvider : IProviderChoice
{
    private const int FleetSize = 20;

    private SystemUnderTest System => fixture.System;

    private Devices.DevicesClient DevicesApi => new(System.Channel.CreateCallInvoker());

    private Commands.CommandsClient CommandsApi => new(System.Channel.CreateCallInvoker());

    [Fact]
    public async Task Devices_enroll_receive_a_pushed_command_answer_it_and_the_answers_are_visible_through_the_api()
    {
        var tenant = await TestTenant.CreateAsync(System, fixture.Apns, "fleet");
        using var fleet = Fleet(tenant, FleetSize);

        var enrollment = await fleet.EnrollAsync();
        Assert.Empty(enrollment.Failures);
        var ddmTurnedOn = await fleet.RunCommandLoopsAsync();
        Assert.Empty(ddmTurnedOn.Failures);
        Assert.Equal(FleetSize, ddmTurnedOn.CommandsAnswered);

        var listed = await DevicesApi.ListDevicesAsync(new ListDevicesRequest { TenantId = tenant.Id, PageSize = 100 });
        Assert.Equal(FleetSize, listed.Devices.Count);
        Assert.All(listed.Devices, d => Assert.Equal(EnrollmentState.Enrolled, d.State));
        Assert.Equal(fleet.Devices.Select(d => d.Facts.Udid).Order(), listed.Devices.Select(d => d.Udid).Order());

        var pushesBefore = fixture.Apns.ReceivedPushes.Count;
        var enqueued = await CommandsApi.EnqueueCommandAsync(new EnqueueCommandRequest
        {
            TenantId = tenant.Id,
            DeviceIds = { listed.Devices.Select(d => d.Id) },
            DeviceInformation = new DeviceInformationCommand { Queries = { "DeviceName", "OSVersion", "SerialNumber", "Model" } },
        });
        Assert.Equal(FleetSize, enqueued.DeviceCount);

        var pushes = (await fixture.Apns.WaitForPushesAsync(pushesBefore + FleetSize, TimeSpan.FromSeconds(30))).Skip(pushesBefore).ToList();
        Assert.Equal(
            fleet.Devices.Select(d => Convert.ToHexStringLower(d.Push.Token)).Order(),
            pushes.Select(p => p.DeviceToken.ToLowerInvariant()).Order());
        Assert.All(pushes, p => Assert.Equal(tenant.Topic, p.Topic));

        var loops = await fleet.RunCommandLoopsAsync();
        Assert.Empty(loops.Failures);
        Assert.Equal(FleetSize, loops.CommandsAnswered);

        foreach (var device in listed.Devices)
        {
            var commands = await CommandsApi.ListDeviceCommandsAsync(new ListDeviceCommandsRequest { TenantId = tenant.Id, DeviceId = device.Id });
            var answered = Assert.Single(commands.Commands, command => command.RequestType != "DeclarativeManagement");
            Assert.Equal(enqueued.CommandUuid, answered.CommandUuid);
            Assert.Equal(CommandState.Acknowledged, answered.State);
            Assert.Contains(device.SerialNumber, answered.ResultJson);

            var detail = await DevicesApi.GetDeviceAsync(new GetDeviceRequest { TenantId = tenant.Id, DeviceId = device.Id });
            var inventory = JsonDocument.Parse(detail.InventoryJson["DeviceInformation"]).RootElement.GetProperty("QueryResponses");
            Assert.Equal(device.SerialNumber, inventory.GetProperty("SerialNumber").GetString());
            Assert.False(string.IsNullOrEmpty(detail.OsVersion));
            Assert.Equal(0, detail.PendingCommands);
        }
    }

    [Fact]
    public async Task A_device_of_one_tenant_is_refused_at_another_tenants_url_and_nothing_changes_there()
    {
        var home = await TestTenant.CreateAsync(System, fixture.Apns, "home");
        var other = await TestTenant.CreateAsync(System, fixture.Apns, "other");
        using var device = Device(home, 0);
        await device.FullEnrollmentAsync();

        var body = PlistWriter.WriteXml(CheckInMessages.TokenUpdate(device.Facts, other.Topic, device.Push));
        using var http = Http();
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(System.EdgeAddress, $"/t/{other.Slug}/mdm/checkin"))
        {
            Content = new ByteArrayContent(body),
        };
        request.Headers.Add(MdmSignatureHeader.Name, new MdmSignatureSigner(SigningIdentity.FromCertificate(device.Identity!.Certificate)).Sign(body));
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var othersDevices = await DevicesApi.ListDevicesAsync(new ListDevicesRequest { TenantId = other.Id, IncludeCheckedOut = true });
        Assert.Empty(othersDevices.Devices);

        var foreignProfile = await Assert.ThrowsAnyAsync<Exception>(() => Device(other, 1, enrollmentToken: home.EnrollmentSecret).DownloadProfileAsync());
        Assert.Contains("403", foreignProfile.Message);
    }

    [Fact]
    public async Task CheckOut_takes_the_device_out_of_the_fleet()
    {
        var tenant = await TestTenant.CreateAsync(System, fixture.Apns, "checkout");
        using var device = Device(tenant, 2);
        await device.FullEnrollmentAsync();

        await device.CheckOutAsync();

        var listed = await DevicesApi.ListDevicesAsync(new ListDevicesRequest { TenantId = tenant.Id });
        Assert.Empty(listed.Devices);
        var withCheckedOut = await DevicesApi.ListDevicesAsync(new ListDevicesRequest { TenantId = tenant.Id, IncludeCheckedOut = true });
        Assert.Equal(EnrollmentState.CheckedOut, Assert.Single(withCheckedOut.Devices).State);
    }

    [Fact]
    public async Task A_queued_command_survives_Core_being_killed_and_restarted()
    {
        var tenant = await TestTenant.CreateAsync(System, fixture.Apns, "durable");
        using var device = Device(tenant, 0);
        await device.FullEnrollmentAsync();
        await device.RunCommandLoopAsync();
        var id = (await DevicesApi.ListDevicesAsync(new ListDevicesRequest { TenantId = tenant.Id })).Devices.Single().Id;
        var enqueued = await CommandsApi.EnqueueCommandAsync(new EnqueueCommandRequest
        {
            TenantId = tenant.Id,
            DeviceIds = { id },
            SecurityInfo = new SecurityInfoCommand(),
            NoPush = true,
        });

        await System.RestartCoreAbruptlyAsync();

        var loop = await device.RunCommandLoopAsync();
        Assert.Equal(enqueued.CommandUuid, Assert.Single(loop.Exchanges).CommandUuid);
    }

    private DeviceFleet Fleet(TestTenant tenant, int count) => SimulatedFleets.Create(System, fixture.Keys, tenant, count);

    private SimulatedDevice Device(TestTenant tenant, int index, string? enrollmentToken = null) =>
        new(SimulatedFleets.Options(System, fixture.Keys, tenant, index) with { EnrollmentToken = enrollmentToken ?? tenant.EnrollmentSecret });

    private HttpClient Http() => new(DeviceHttpHandlers.CreateShared(new ServerTrust { TrustedRoots = [System.EdgeCertificateAuthority] }));
}
