using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Plist;
using SaaSMdm.Core.Commands;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Rpc;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests.Gateway;

public sealed class CommandLoopTestsOnSqlite(GatewayFixture<OnSqlite> fixture) : CommandLoopTests<OnSqlite>(fixture), IClassFixture<GatewayFixture<OnSqlite>>;

public sealed class CommandLoopTestsOnPostgres(GatewayFixture<OnPostgres> fixture) : CommandLoopTests<OnPostgres>(fixture), IClassFixture<GatewayFixture<OnPostgres>>;

public abstract class CommandLoopTests<TProvider>(GatewayFixture<TProvider> fixture) where TProvider : IProviderChoice
{
    [Fact]
    public async Task Commands_arrive_in_order_one_per_answer_and_each_answer_is_kept_as_received()
    {
        var (tenant, device, enrollmentId) = await EnrolledAsync();
        var commands = new[] { MdmCommands.SecurityInfo(), MdmCommands.RestartDevice(), MdmCommands.DeviceLock("lost") };
        foreach (var command in commands)
        {
            await fixture.EnqueueAsync(tenant.Id, command, enrollmentId);
        }

        var first = await device.ConnectAsync("Idle");
        var second = await device.ConnectAsync("Acknowledged", commands[0].CommandUuid, SecurityInfoResult());
        var errorReport = device.Report("Error", commands[1].CommandUuid,
            new PlistDictionary().Add("ErrorChain", new PlistArray { new PlistDictionary().Add("ErrorCode", 12021).Add("ErrorDomain", "MCMDMErrorDomain") }));
        var third = await device.ConnectAsync(errorReport);
        var done = await device.ConnectAsync("CommandFormatError", commands[2].CommandUuid);

        Assert.Equal([commands[0].CommandUuid, commands[1].CommandUuid, commands[2].CommandUuid, null],
            new[] { first, second, third, done }.Select(TestDevice.CommandIn));
        Assert.Equal("RestartDevice", ((PlistDictionary)PlistReader.Read(second.Body.Span)).GetDictionary("Command").GetString("RequestType"));
        var sent = commands.Select(c => c.CommandUuid).ToList();
        var results = await fixture.ReadAsync(tenant.Id, db => db.CommandResults.AsNoTracking()
            .Where(r => r.EnrollmentId == enrollmentId && sent.Contains(r.CommandId)).OrderBy(r => r.ReceivedAt).ToListAsync());
        Assert.Equal([CommandResultStatus.Acknowledged, CommandResultStatus.Error, CommandResultStatus.CommandFormatError], results.Select(r => r.Status));
        Assert.Equal(PlistWriter.WriteXml(errorReport), results[1].ResultPlist);
        Assert.Equal(0, await fixture.ReadAsync(tenant.Id, db => db.CommandQueue.CountAsync(q => q.EnrollmentId == enrollmentId)));
    }

    [Fact]
    public async Task A_command_answered_NotNow_is_skipped_for_the_rest_of_the_connection_and_sent_again_after_the_next_Idle()
    {
        var (tenant, device, enrollmentId) = await EnrolledAsync();
        var postponed = MdmCommands.InstalledApplicationList();
        var other = MdmCommands.SecurityInfo();
        await fixture.EnqueueAsync(tenant.Id, postponed, enrollmentId);
        await fixture.EnqueueAsync(tenant.Id, other, enrollmentId);

        Assert.Equal(postponed.CommandUuid, TestDevice.CommandIn(await device.ConnectAsync("Idle")));
        Assert.Equal(other.CommandUuid, TestDevice.CommandIn(await device.ConnectAsync("NotNow", postponed.CommandUuid)));
        Assert.Null(TestDevice.CommandIn(await device.ConnectAsync("Acknowledged", other.CommandUuid, SecurityInfoResult())));
        var queued = await fixture.ReadAsync(tenant.Id, db => db.CommandQueue.AsNoTracking().SingleAsync(q => q.EnrollmentId == enrollmentId));
        Assert.Equal((postponed.CommandUuid, QueuedCommandStatus.NotNow, 1), (queued.CommandId, queued.Status, queued.NotNowCount));

        Assert.Equal(postponed.CommandUuid, TestDevice.CommandIn(await device.ConnectAsync("Idle")));
        Assert.Null(TestDevice.CommandIn(await device.ConnectAsync("NotNow", postponed.CommandUuid)));
        Assert.Equal(postponed.CommandUuid, TestDevice.CommandIn(await device.ConnectAsync("Idle")));
        Assert.Null(TestDevice.CommandIn(await device.ConnectAsync("Acknowledged", postponed.CommandUuid, ApplicationsResult())));
    }

    [Fact]
    public async Task A_cancelled_command_is_not_sent()
    {
        var (tenant, device, enrollmentId) = await EnrolledAsync();
        var cancelled = MdmCommands.RestartDevice();
        var kept = MdmCommands.SecurityInfo();
        await fixture.EnqueueAsync(tenant.Id, cancelled, enrollmentId);
        await fixture.EnqueueAsync(tenant.Id, kept, enrollmentId);

        Assert.True(await fixture.InTenantAsync(tenant.Id, (_, services) =>
            services.GetRequiredService<ICommandQueue>().CancelAsync(enrollmentId, cancelled.CommandUuid, CancellationToken.None)));

        Assert.Equal(kept.CommandUuid, TestDevice.CommandIn(await device.ConnectAsync("Idle")));
    }

    [Fact]
    public async Task An_enqueue_naming_an_enrollment_of_another_tenant_fails_and_queues_nothing()
    {
        var (tenant, _, enrollmentId) = await EnrolledAsync();
        var other = await fixture.OtherTenantAsync();
        var foreign = await other.EnrollDeviceAsync();
        var foreignId = (await fixture.FindEnrollmentAsync(other.Id, foreign.Udid))!.Id;
        var command = MdmCommands.RestartDevice();
        var before = (await fixture.SnapshotAsync(tenant.Id), await fixture.SnapshotAsync(other.Id));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.EnqueueAsync(tenant.Id, command, enrollmentId, foreignId));

        Assert.Contains("not its tenant's", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, (await fixture.SnapshotAsync(tenant.Id), await fixture.SnapshotAsync(other.Id)));
        Assert.False(await fixture.ReadAsync(tenant.Id, db => db.Commands.AnyAsync(c => c.Id == command.CommandUuid)));
    }

    [Fact]
    public async Task Answers_to_commands_not_queued_for_the_device_are_ignored()
    {
        var (tenant, device, enrollmentId) = await EnrolledAsync();
        var neighbour = await tenant.EnrollDeviceAsync();
        var neighbourId = (await fixture.FindEnrollmentAsync(tenant.Id, neighbour.Udid))!.Id;
        var theirs = MdmCommands.EraseDevice();
        var ours = MdmCommands.SecurityInfo();
        await fixture.EnqueueAsync(tenant.Id, theirs, neighbourId);
        await fixture.EnqueueAsync(tenant.Id, ours, enrollmentId);
        var before = await fixture.SnapshotAsync(tenant.Id);

        var unknown = await device.ConnectAsync("Acknowledged", Guid.NewGuid().ToString("D").ToUpperInvariant());
        var foreign = await device.ConnectAsync("Acknowledged", theirs.CommandUuid);

        Assert.Equal(ours.CommandUuid, TestDevice.CommandIn(unknown));
        Assert.Equal(ours.CommandUuid, TestDevice.CommandIn(foreign));
        Assert.Equal(before, await fixture.SnapshotAsync(tenant.Id));
        Assert.Equal(theirs.CommandUuid, TestDevice.CommandIn(await neighbour.ConnectAsync("Idle")));
    }

    [Fact]
    public async Task Inventory_results_update_the_snapshots_and_device_facts()
    {
        var (tenant, device, enrollmentId) = await EnrolledAsync();
        var information = MdmCommands.DeviceInformation(["DeviceName", "OSVersion", "BuildVersion", "BatteryLevel"]);
        var security = MdmCommands.SecurityInfo();
        var profiles = MdmCommands.ProfileList();
        var applications = MdmCommands.InstalledApplicationList();
        var certificates = MdmCommands.CertificateList();
        foreach (var command in new[] { information, security, profiles, applications, certificates })
        {
            await fixture.EnqueueAsync(tenant.Id, command, enrollmentId);
        }

        await device.ConnectAsync("Idle");
        await device.ConnectAsync("Acknowledged", information.CommandUuid, new PlistDictionary().Add("QueryResponses", new PlistDictionary()
            .Add("DeviceName", "Renamed iPhone").Add("OSVersion", "17.5").Add("BuildVersion", "21F79").Add("BatteryLevel", 0.5)));
        await device.ConnectAsync("Acknowledged", security.CommandUuid, SecurityInfoResult());
        await device.ConnectAsync("Acknowledged", profiles.CommandUuid, new PlistDictionary().Add("ProfileList", new PlistArray
        {
            new PlistDictionary().Add("PayloadIdentifier", "com.example.wifi").Add("PayloadUUID", "A1").Add("IsManaged", true)
                .Add("PayloadContent", new PlistArray { new PlistDictionary().Add("PayloadType", "com.apple.wifi.managed") }),
        }));
        await device.ConnectAsync("Acknowledged", applications.CommandUuid, ApplicationsResult());
        Assert.Null(TestDevice.CommandIn(await device.ConnectAsync("Acknowledged", certificates.CommandUuid, new PlistDictionary().Add("CertificateList", new PlistArray
        {
            new PlistDictionary().Add("CommonName", "device").Add("IsIdentity", true).Add("Data", new PlistData(device.Certificate.RawData)),
        }))));

        var snapshots = await fixture.ReadAsync(tenant.Id, db => db.InventorySnapshots.AsNoTracking().Where(s => s.EnrollmentId == enrollmentId).ToDictionaryAsync(s => s.Kind, s => JsonDocument.Parse(s.Json).RootElement));
        Assert.Equal(["CertificateList", "DeviceInformation", "InstalledApplicationList", "ProfileList", "SecurityInfo"], snapshots.Keys.Order());
        Assert.Equal("Renamed iPhone", snapshots["DeviceInformation"].GetProperty("QueryResponses").GetProperty("DeviceName").GetString());
        Assert.Equal(0.5, snapshots["DeviceInformation"].GetProperty("QueryResponses").GetProperty("BatteryLevel").GetDouble());
        Assert.True(snapshots["SecurityInfo"].GetProperty("SecurityInfo").GetProperty("PasscodePresent").GetBoolean());
        Assert.Equal("com.example.wifi", snapshots["ProfileList"].GetProperty("ProfileList")[0].GetProperty("PayloadIdentifier").GetString());
        Assert.Equal("com.example.notes", snapshots["InstalledApplicationList"].GetProperty("InstalledApplicationList")[0].GetProperty("Identifier").GetString());
        Assert.Equal(device.Certificate.RawData, snapshots["CertificateList"].GetProperty("CertificateList")[0].GetProperty("Data").GetBytesFromBase64());

        var facts = (await fixture.FindEnrollmentAsync(tenant.Id, device.Udid))!;
        Assert.Equal(("Renamed iPhone", "17.5", "21F79", "iPhone15,2", "F2LXK0ABCDEF"), (facts.DeviceName, facts.OsVersion, facts.BuildVersion, facts.Model, facts.SerialNumber));
        Assert.All(await fixture.ReadAsync(tenant.Id, db => db.CommandResults.Where(r => r.EnrollmentId == enrollmentId).Select(r => r.Status).ToListAsync()), status => Assert.Equal(CommandResultStatus.Acknowledged, status));

        await fixture.EnqueueAsync(tenant.Id, information = MdmCommands.DeviceInformation(["OSVersion"]), enrollmentId);
        await device.ConnectAsync("Idle");
        await device.ConnectAsync("Acknowledged", information.CommandUuid, new PlistDictionary().Add("QueryResponses", new PlistDictionary().Add("OSVersion", "18.0")));
        var updated = (await fixture.FindEnrollmentAsync(tenant.Id, device.Udid))!;
        Assert.Equal(("Renamed iPhone", "18.0"), (updated.DeviceName, updated.OsVersion));
    }

    [Fact]
    public async Task A_result_that_cannot_be_read_is_stored_as_an_error_and_the_queue_moves_on()
    {
        var (tenant, device, enrollmentId) = await EnrolledAsync();
        var information = MdmCommands.DeviceInformation(["DeviceName"]);
        var next = MdmCommands.SecurityInfo();
        await fixture.EnqueueAsync(tenant.Id, information, enrollmentId);
        await fixture.EnqueueAsync(tenant.Id, next, enrollmentId);
        var broken = device.Report("Acknowledged", information.CommandUuid, new PlistDictionary().Add("QueryResponses", new PlistDictionary().Add("DeviceName", 42)));

        await device.ConnectAsync("Idle");
        var reply = await device.ConnectAsync(broken);

        Assert.Equal(next.CommandUuid, TestDevice.CommandIn(reply));
        var result = await fixture.ReadAsync(tenant.Id, db => db.CommandResults.AsNoTracking()
            .SingleAsync(r => r.EnrollmentId == enrollmentId && r.CommandId == information.CommandUuid));
        Assert.Equal((information.CommandUuid, CommandResultStatus.Error), (result.CommandId, result.Status));
        Assert.Equal(PlistWriter.WriteXml(broken), result.ResultPlist);
        Assert.Equal(0, await fixture.ReadAsync(tenant.Id, db => db.InventorySnapshots.CountAsync(s => s.EnrollmentId == enrollmentId)));
        Assert.Equal("Test iPhone", (await fixture.FindEnrollmentAsync(tenant.Id, device.Udid))!.DeviceName);
    }

    [Fact]
    public async Task A_user_channel_has_its_own_queue()
    {
        var (tenant, device, enrollmentId) = await EnrolledAsync();
        TestDevice.AssertAccepted(await device.CheckInAsync(device.TokenUpdate().Add("UserID", "user-9")));
        var userId = (await fixture.FindEnrollmentAsync(tenant.Id, $"{device.Udid}:user-9"))!.Id;
        var userKeys = new PlistDictionary().Add("UserID", "user-9");
        await device.AcknowledgeDeclarativeManagementAsync(userKeys);
        var forDevice = MdmCommands.SecurityInfo();
        var forUser = MdmCommands.ProfileList();
        await fixture.EnqueueAsync(tenant.Id, forDevice, enrollmentId);
        await fixture.EnqueueAsync(tenant.Id, forUser, userId);

        Assert.Equal(forUser.CommandUuid, TestDevice.CommandIn(await device.ConnectAsync("Idle", keys: userKeys)));
        Assert.Null(TestDevice.CommandIn(await device.ConnectAsync("Error", forUser.CommandUuid, userKeys)));
        Assert.Equal(forDevice.CommandUuid, TestDevice.CommandIn(await device.ConnectAsync("Idle")));
        TestDevice.AssertUnrecognized(await device.ConnectAsync("Idle", keys: new PlistDictionary().Add("UserID", "nobody")));
    }

    [Fact]
    public async Task A_device_that_has_not_sent_its_first_TokenUpdate_cannot_connect()
    {
        var tenant = await fixture.SharedTenantAsync();
        var device = await tenant.NewDeviceAsync();
        TestDevice.AssertAccepted(await device.CheckInAsync(device.Authenticate()));

        await TestDevice.AssertRefusedAsync(StatusCode.PermissionDenied, () => device.ConnectAsync("Idle"));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("<plist><dict><key>UDID</key><string>X</string></dict></plist>")]
    [InlineData("<plist><dict><key>UDID</key><string>X</string><key>Status</key><string>Maybe</string></dict></plist>")]
    [InlineData("<plist><dict><key>UDID</key><string>X</string><key>Status</key><string>Acknowledged</string></dict></plist>")]
    [InlineData("<plist><dict><key>Status</key><string>Idle</string></dict></plist>")]
    public async Task A_malformed_report_is_INVALID_ARGUMENT_and_changes_nothing(string body)
    {
        var (tenant, device, enrollmentId) = await EnrolledAsync();
        await fixture.EnqueueAsync(tenant.Id, MdmCommands.SecurityInfo(), enrollmentId);
        var before = await fixture.SnapshotAsync(tenant.Id);

        await TestDevice.AssertRefusedAsync(StatusCode.InvalidArgument, () => device.ConnectAsync(Encoding.UTF8.GetBytes(body)));

        Assert.Equal(before, await fixture.SnapshotAsync(tenant.Id));
    }

    private async Task<(TestTenant Tenant, TestDevice Device, Guid EnrollmentId)> EnrolledAsync()
    {
        var tenant = await fixture.SharedTenantAsync();
        var device = await tenant.EnrollDeviceAsync();
        return (tenant, device, (await fixture.FindEnrollmentAsync(tenant.Id, device.Udid))!.Id);
    }

    private static PlistDictionary SecurityInfoResult() => new PlistDictionary().Add("SecurityInfo", new PlistDictionary()
        .Add("PasscodePresent", true)
        .Add("HardwareEncryptionCaps", 3)
        .Add("ManagementStatus", new PlistDictionary().Add("EnrolledViaDEP", false)));

    private static PlistDictionary ApplicationsResult() => new PlistDictionary().Add("InstalledApplicationList", new PlistArray
    {
        new PlistDictionary().Add("Identifier", "com.example.notes").Add("Name", "Notes").Add("Version", "1.2").Add("BundleSize", 1024),
    });
}
