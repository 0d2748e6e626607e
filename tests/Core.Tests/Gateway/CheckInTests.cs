using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Plist;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Enrollments.CheckIns;
using SaaSMdm.Core.Security;
using SaaSMdm.Rpc;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests.Gateway;

public sealed class CheckInTestsOnSqlite(GatewayFixture<OnSqlite> fixture) : CheckInTests<OnSqlite>(fixture), IClassFixture<GatewayFixture<OnSqlite>>;

public sealed class CheckInTestsOnPostgres(GatewayFixture<OnPostgres> fixture) : CheckInTests<OnPostgres>(fixture), IClassFixture<GatewayFixture<OnPostgres>>;

public abstract class CheckInTests<TProvider>(GatewayFixture<TProvider> fixture) where TProvider : IProviderChoice
{
    [Fact]
    public async Task Every_MessageType_Apple_defines_has_a_handler()
    {
        var handled = await fixture.InTenantAsync(Guid.NewGuid(), (_, services) =>
            Task.FromResult(services.GetServices<ICheckInHandler>().Select(handler => handler.MessageType).Order().ToList()));

        Assert.Equal(CheckInMessage.KnownMessageTypes.Order(), handled);
    }

    [Fact]
    public async Task Authenticate_creates_a_pending_enrollment_bound_to_the_certificate_with_the_device_facts()
    {
        var tenant = await fixture.SharedTenantAsync();
        var device = await tenant.NewDeviceAsync();

        TestDevice.AssertAccepted(await device.CheckInAsync(device.Authenticate()));

        var enrollment = (await fixture.FindEnrollmentAsync(tenant.Id, device.Udid))!;
        Assert.Equal(EnrollmentState.Pending, enrollment.State);
        Assert.Equal(EnrollmentKind.Device, enrollment.Kind);
        Assert.Null(enrollment.ParentId);
        Assert.Null(enrollment.EnrolledAt);
        Assert.Equal(device.Certificate.RawData, enrollment.IdentityCertificateDer);
        Assert.Equal(
            (device.Udid, "F2LXK0ABCDEF", "35 123456 789012 3", "Test iPhone", "iPhone15,2", "iPhone", "iPhone15,2", "17.4", "21E219", tenant.Topic),
            (enrollment.Udid, enrollment.SerialNumber, enrollment.Imei, enrollment.DeviceName, enrollment.Model, enrollment.ModelName,
                enrollment.ProductName, enrollment.OsVersion, enrollment.BuildVersion, enrollment.Topic));
    }

    [Fact]
    public async Task Authenticate_on_another_topic_is_PERMISSION_DENIED_and_changes_nothing()
    {
        var tenant = await fixture.SharedTenantAsync();
        var device = await tenant.NewDeviceAsync();
        var before = await fixture.SnapshotAsync(tenant.Id);

        await TestDevice.AssertRefusedAsync(StatusCode.PermissionDenied, () => device.CheckInAsync(device.Authenticate().Set("Topic", "com.apple.mgmt.External.other")));

        Assert.Equal(before, await fixture.SnapshotAsync(tenant.Id));
    }

    [Fact]
    public async Task Authenticate_on_a_user_channel_is_INVALID_ARGUMENT()
    {
        var tenant = await fixture.SharedTenantAsync();
        var device = await tenant.NewDeviceAsync();

        await TestDevice.AssertRefusedAsync(StatusCode.InvalidArgument, () => device.CheckInAsync(device.Authenticate().Add("UserID", "A1B2")));

        Assert.Null(await fixture.FindEnrollmentAsync(tenant.Id, device.Udid));
    }

    [Fact]
    public async Task The_first_TokenUpdate_completes_the_enrollment_and_later_ones_update_the_push_details()
    {
        var tenant = await fixture.SharedTenantAsync();
        var device = await tenant.NewDeviceAsync();
        TestDevice.AssertAccepted(await device.CheckInAsync(device.Authenticate()));
        var unlockToken = Encoding.ASCII.GetBytes("unlock-token-secret");

        TestDevice.AssertAccepted(await device.CheckInAsync(device.TokenUpdate(unlockToken: unlockToken)));
        var first = (await fixture.FindEnrollmentAsync(tenant.Id, device.Udid))!;
        await fixture.InTenantAsync(tenant.Id, (db, _) => db.Enrollments.Where(e => e.ChannelId == device.Udid).ExecuteUpdateAsync(update => update.SetProperty(e => e.PushTokenInvalidSince, DateTime.UtcNow)));
        TestDevice.AssertAccepted(await device.CheckInAsync(device.TokenUpdate(pushMagic: "magic-2")));
        var second = (await fixture.FindEnrollmentAsync(tenant.Id, device.Udid))!;

        Assert.Equal(EnrollmentState.Enrolled, first.State);
        Assert.NotNull(first.EnrolledAt);
        Assert.Equal(1, first.TokenUpdateCount);
        Assert.Equal(TestDevice.PushToken, first.PushToken);
        Assert.Equal("magic-1", first.PushMagic);
        Assert.DoesNotContain("unlock-token-secret", first.ProtectedUnlockToken);
        var secrets = fixture.Host.Services.GetRequiredService<SecretProtector>();
        Assert.Equal(unlockToken, secrets.Unprotect(SecretPurpose.UnlockToken, first.ProtectedUnlockToken!));

        Assert.Equal(2, second.TokenUpdateCount);
        Assert.Equal("magic-2", second.PushMagic);
        Assert.Equal(first.EnrolledAt, second.EnrolledAt);
        Assert.Null(second.PushTokenInvalidSince);
        Assert.Equal(first.ProtectedUnlockToken, second.ProtectedUnlockToken);
    }

    [Fact]
    public async Task A_TokenUpdate_without_Authenticate_is_told_to_unenroll()
    {
        var tenant = await fixture.SharedTenantAsync();
        var device = await tenant.NewDeviceAsync();

        TestDevice.AssertUnrecognized(await device.CheckInAsync(device.TokenUpdate()));

        Assert.Null(await fixture.FindEnrollmentAsync(tenant.Id, device.Udid));
    }

    [Fact]
    public async Task A_new_Authenticate_starts_the_enrollment_over_clearing_its_queue_and_user_channels_but_keeping_its_history()
    {
        var tenant = await fixture.SharedTenantAsync();
        var device = await tenant.EnrollDeviceAsync();
        TestDevice.AssertAccepted(await device.CheckInAsync(UserTokenUpdate(device, "UserID", "user-1")));
        var enrollment = (await fixture.FindEnrollmentAsync(tenant.Id, device.Udid))!;
        var user = (await fixture.FindEnrollmentAsync(tenant.Id, $"{device.Udid}:user-1"))!;
        var answered = MdmCommands.SecurityInfo();
        await fixture.EnqueueAsync(tenant.Id, answered, enrollment.Id);
        await fixture.EnqueueAsync(tenant.Id, MdmCommands.ProfileList(), enrollment.Id, user.Id);
        Assert.Equal(answered.CommandUuid, TestDevice.CommandIn(await device.ConnectAsync("Idle")));
        await device.ConnectAsync("Error", answered.CommandUuid);
        Assert.Equal(1, await fixture.ReadAsync(tenant.Id, db => db.DeclarativeStates.CountAsync(s => s.EnrollmentId == enrollment.Id)));

        TestDevice.AssertAccepted(await device.CheckInAsync(device.Authenticate()));

        var restarted = (await fixture.FindEnrollmentAsync(tenant.Id, device.Udid))!;
        Assert.Equal(enrollment.Id, restarted.Id);
        Assert.Equal(EnrollmentState.Pending, restarted.State);
        Assert.Null(restarted.PushToken);
        Assert.Equal(0, restarted.TokenUpdateCount);
        Assert.Null(await fixture.FindEnrollmentAsync(tenant.Id, user.ChannelId));
        Assert.Equal(0, await fixture.ReadAsync(tenant.Id, db => db.CommandQueue.CountAsync(q => q.EnrollmentId == enrollment.Id || q.EnrollmentId == user.Id)));
        Assert.Equal(0, await fixture.ReadAsync(tenant.Id, db => db.DeclarativeStates.CountAsync(s => s.EnrollmentId == enrollment.Id || s.EnrollmentId == user.Id)));
        Assert.Equal(1, await fixture.ReadAsync(tenant.Id, db => db.CommandResults.CountAsync(r => r.EnrollmentId == enrollment.Id && r.CommandId == answered.CommandUuid)));

        TestDevice.AssertAccepted(await device.CheckInAsync(device.TokenUpdate()));
        Assert.Equal(EnrollmentState.Enrolled, (await fixture.FindEnrollmentAsync(tenant.Id, device.Udid))!.State);
        await device.AcknowledgeDeclarativeManagementAsync();
        Assert.Null(TestDevice.CommandIn(await device.ConnectAsync("Idle")));
    }

    [Fact]
    public async Task A_new_Authenticate_forgets_the_unlock_and_bootstrap_tokens_the_previous_enrollment_escrowed()
    {
        var tenant = await fixture.SharedTenantAsync();
        var device = await tenant.EnrollDeviceAsync();
        TestDevice.AssertAccepted(await device.CheckInAsync(device.TokenUpdate(unlockToken: [4, 5, 6])));
        TestDevice.AssertAccepted(await device.CheckInAsync(device.Message("SetBootstrapToken").Add("BootstrapToken", new PlistData([1, 2, 3]))));
        var escrowed = (await fixture.FindEnrollmentAsync(tenant.Id, device.Udid))!;
        Assert.NotNull(escrowed.ProtectedUnlockToken);
        Assert.NotNull(escrowed.ProtectedBootstrapToken);

        TestDevice.AssertAccepted(await device.CheckInAsync(device.Authenticate()));
        TestDevice.AssertAccepted(await device.CheckInAsync(device.TokenUpdate()));

        var restarted = (await fixture.FindEnrollmentAsync(tenant.Id, device.Udid))!;
        Assert.Null(restarted.ProtectedUnlockToken);
        Assert.Null(restarted.ProtectedBootstrapToken);
        var none = await device.CheckInAsync(device.Message("GetBootstrapToken"));
        Assert.Equal(200, none.HttpStatus);
        Assert.Empty((PlistDictionary)PlistReader.Read(none.Body.Span));
    }

    [Theory]
    [InlineData("UserID", "3F1C0D2B-0000-4000-8000-00000000ABCD", null, EnrollmentKind.User)]
    [InlineData("UserID", EnrollmentChannel.SharedIPadUserId, "student@example.org", EnrollmentKind.SharedIPadUser)]
    public async Task A_user_channel_comes_into_being_at_its_first_TokenUpdate_under_its_device(string key, string userId, string? shortName, EnrollmentKind kind)
    {
        var tenant = await fixture.SharedTenantAsync();
        var device = await tenant.EnrollDeviceAsync();
        var message = UserTokenUpdate(device, key, userId);
        if (shortName is not null)
        {
            message.Add("UserShortName", shortName);
        }

        TestDevice.AssertAccepted(await device.CheckInAsync(message));
        TestDevice.AssertAccepted(await device.CheckInAsync(message.Set("PushMagic", "user-magic-2")));

        var parent = (await fixture.FindEnrollmentAsync(tenant.Id, device.Udid))!;
        var user = (await fixture.FindEnrollmentAsync(tenant.Id, $"{device.Udid}:{shortName ?? userId}"))!;
        Assert.Equal((kind, parent.Id, EnrollmentState.Enrolled, userId, shortName, 2, "user-magic-2"),
            (user.Kind, user.ParentId, user.State, user.UserId, user.UserShortName, user.TokenUpdateCount, user.PushMagic));
        Assert.Equal(1, parent.TokenUpdateCount);
    }

    [Fact]
    public async Task A_User_Enrollment_has_a_device_channel_by_EnrollmentID_and_user_channels_under_it()
    {
        var tenant = await fixture.SharedTenantAsync();
        var device = await tenant.NewDeviceAsync(udid: "UE-" + Guid.NewGuid().ToString("N"));
        PlistDictionary ByEnrollmentId(PlistDictionary message)
        {
            message.Remove("UDID");
            message.Remove("SerialNumber");
            message.Remove("IMEI");
            return message.Add("EnrollmentID", device.Udid);
        }

        TestDevice.AssertAccepted(await device.CheckInAsync(ByEnrollmentId(device.Authenticate())));
        TestDevice.AssertAccepted(await device.CheckInAsync(ByEnrollmentId(device.TokenUpdate())));
        TestDevice.AssertAccepted(await device.CheckInAsync(ByEnrollmentId(device.TokenUpdate()).Add("EnrollmentUserID", "managed-user")));

        var parent = (await fixture.FindEnrollmentAsync(tenant.Id, device.Udid))!;
        var user = (await fixture.FindEnrollmentAsync(tenant.Id, $"{device.Udid}:managed-user"))!;
        Assert.Equal((EnrollmentKind.UserEnrollmentDevice, EnrollmentState.Enrolled, (string?)null), (parent.Kind, parent.State, parent.Udid));
        Assert.Equal((EnrollmentKind.UserEnrollmentUser, parent.Id, "managed-user"), (user.Kind, user.ParentId, user.UserId));
    }

    [Fact]
    public async Task The_bootstrap_token_is_escrowed_encrypted_returned_and_cleared()
    {
        var tenant = await fixture.SharedTenantAsync();
        var device = await tenant.EnrollDeviceAsync();
        var token = Encoding.ASCII.GetBytes("bootstrap-token-secret");

        var none = await device.CheckInAsync(device.Message("GetBootstrapToken"));
        TestDevice.AssertAccepted(await device.CheckInAsync(device.Message("SetBootstrapToken").Add("BootstrapToken", new PlistData(token))));
        var stored = (await fixture.FindEnrollmentAsync(tenant.Id, device.Udid))!.ProtectedBootstrapToken;
        var returned = await device.CheckInAsync(device.Message("GetBootstrapToken"));
        TestDevice.AssertAccepted(await device.CheckInAsync(device.Message("SetBootstrapToken")));
        var cleared = (await fixture.FindEnrollmentAsync(tenant.Id, device.Udid))!.ProtectedBootstrapToken;

        Assert.Equal(200, none.HttpStatus);
        Assert.Empty((PlistDictionary)PlistReader.Read(none.Body.Span));
        Assert.NotNull(stored);
        Assert.DoesNotContain("bootstrap-token-secret", stored);
        Assert.Equal(token, ((PlistDictionary)PlistReader.Read(returned.Body.Span)).GetData("BootstrapToken").ToArray());
        Assert.Null(cleared);
    }

    [Fact]
    public async Task CheckOut_checks_out_the_device_and_its_user_channels_and_empties_their_queues()
    {
        var tenant = await fixture.SharedTenantAsync();
        var device = await tenant.EnrollDeviceAsync();
        TestDevice.AssertAccepted(await device.CheckInAsync(UserTokenUpdate(device, "UserID", "user-2")));
        var enrollment = (await fixture.FindEnrollmentAsync(tenant.Id, device.Udid))!;
        var user = (await fixture.FindEnrollmentAsync(tenant.Id, $"{device.Udid}:user-2"))!;
        await fixture.EnqueueAsync(tenant.Id, MdmCommands.ProfileList(), enrollment.Id, user.Id);

        TestDevice.AssertAccepted(await device.CheckInAsync(device.Message("CheckOut").Add("Topic", tenant.Topic!)));

        var checkedOut = await fixture.ReadAsync(tenant.Id, db => db.Enrollments.AsNoTracking().Where(e => e.Id == enrollment.Id || e.ParentId == enrollment.Id).ToListAsync());
        Assert.Equal(2, checkedOut.Count);
        Assert.All(checkedOut, e => Assert.Equal(EnrollmentState.CheckedOut, e.State));
        Assert.All(checkedOut, e => Assert.NotNull(e.CheckedOutAt));
        Assert.Equal(0, await fixture.ReadAsync(tenant.Id, db => db.CommandQueue.CountAsync(q => q.EnrollmentId == enrollment.Id || q.EnrollmentId == user.Id)));
        Assert.Equal(0, await fixture.ReadAsync(tenant.Id, db => db.DeclarativeStates.CountAsync(s => s.EnrollmentId == enrollment.Id || s.EnrollmentId == user.Id)));
        TestDevice.AssertUnrecognized(await device.ConnectAsync("Idle"));
        TestDevice.AssertUnrecognized(await device.CheckInAsync(device.TokenUpdate()));

        await device.EnrollAsync();
        Assert.Equal(EnrollmentState.Enrolled, (await fixture.FindEnrollmentAsync(tenant.Id, device.Udid))!.State);
    }

    [Fact]
    public async Task UserAuthenticate_is_declined_with_410_as_Apple_specifies()
    {
        var tenant = await fixture.SharedTenantAsync();
        var device = await tenant.EnrollDeviceAsync();
        var before = await fixture.SnapshotAsync(tenant.Id);

        var reply = await device.CheckInAsync(device.Message("UserAuthenticate").Add("UserID", "user-3"));

        Assert.Equal(410, reply.HttpStatus);
        Assert.True(reply.Body.IsEmpty);
        Assert.Equal(before, await fixture.SnapshotAsync(tenant.Id));
    }

    [Theory]
    [InlineData("GetToken", "TokenServiceType", "com.apple.maid")]
    public async Task Services_not_built_yet_answer_404_with_a_short_text(string messageType, string key, string value)
    {
        var tenant = await fixture.SharedTenantAsync();
        var device = await tenant.EnrollDeviceAsync();

        var reply = await device.CheckInAsync(device.Message(messageType).Add(key, value));

        Assert.Equal(404, reply.HttpStatus);
        Assert.StartsWith("text/plain", reply.ContentType);
        Assert.Contains("not available", reply.Body.ToStringUtf8());
    }

    [Theory]
    [InlineData("not a plist", "TokenUpdate")]
    [InlineData("<plist><array/></plist>", "TokenUpdate")]
    [InlineData("<plist><dict><key>MessageType</key><string>ReturnToService</string><key>UDID</key><string>X</string></dict></plist>", "ReturnToService")]
    [InlineData("<plist><dict><key>MessageType</key><string>TokenUpdate</string><key>Topic</key><string>t</string></dict></plist>", "TokenUpdate")]
    [InlineData("<plist><dict><key>MessageType</key><string>CheckOut</string><key>UDID</key><string>X</string></dict></plist>", "Authenticate")]
    public async Task A_malformed_check_in_is_INVALID_ARGUMENT_and_changes_nothing(string body, string messageType)
    {
        var tenant = await fixture.SharedTenantAsync();
        var device = await tenant.EnrollDeviceAsync();
        var before = await fixture.SnapshotAsync(tenant.Id);

        await TestDevice.AssertRefusedAsync(StatusCode.InvalidArgument, () => device.CheckInAsync(Encoding.UTF8.GetBytes(body), messageType));

        Assert.Equal(before, await fixture.SnapshotAsync(tenant.Id));
    }

    [Fact]
    public async Task A_check_in_nested_deeper_than_device_messages_go_is_INVALID_ARGUMENT_and_changes_nothing()
    {
        var tenant = await fixture.SharedTenantAsync();
        var device = await tenant.EnrollDeviceAsync();
        var before = await fixture.SnapshotAsync(tenant.Id);
        var nesting = string.Concat(Enumerable.Repeat("<key>Nested</key><dict>", 40)) + string.Concat(Enumerable.Repeat("</dict>", 40));
        var body = $"<plist><dict><key>MessageType</key><string>CheckOut</string><key>UDID</key><string>X</string>{nesting}</dict></plist>";

        await TestDevice.AssertRefusedAsync(StatusCode.InvalidArgument, () => device.CheckInAsync(Encoding.UTF8.GetBytes(body), "CheckOut"));

        Assert.Equal(before, await fixture.SnapshotAsync(tenant.Id));
    }

    private static PlistDictionary UserTokenUpdate(TestDevice device, string key, string userId) =>
        device.TokenUpdate(pushMagic: "user-magic").Add(key, userId).Add("UserLongName", "A User");
}
