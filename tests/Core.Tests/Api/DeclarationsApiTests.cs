using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaaSMdm.Apple.Ddm;
using SaaSMdm.Apple.Plist;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Declarations;
using SaaSMdm.Rpc;
using SaaSMdm.TestHosts;
using DeclarationsClient = SaaSMdm.Contracts.V1.Declarations.DeclarationsClient;
using EnrollmentKind = SaaSMdm.Core.Data.Entities.EnrollmentKind;

namespace SaaSMdm.Core.Tests.Api;

public sealed class DeclarationsApiOnSqlite(ApiFixture<OnSqlite> fixture) : DeclarationsApiTests<OnSqlite>(fixture);

public sealed class DeclarationsApiOnPostgres(ApiFixture<OnPostgres> fixture) : DeclarationsApiTests<OnPostgres>(fixture);

/// <summary>
/// The Declarations API over gRPC against real storage: content-derived tokens, exact change propagation (checked in
/// the command queue), deferred syncs, refusals that change nothing, and tenant isolation.
/// </summary>
public abstract class DeclarationsApiTests<TProvider>(ApiFixture<TProvider> fixture) : IClassFixture<ApiFixture<TProvider>>
    where TProvider : IProviderChoice
{
    private const string Passcode = "com.apple.configuration.passcode.settings";

    private DeclarationsClient Api => new(fixture.Host.Channel.CreateCallInvoker());

    [Fact]
    public async Task Declarations_are_stored_listed_by_page_and_filter_and_deleted()
    {
        var tenant = await fixture.CreateTenantAsync();
        await PutAsync(tenant.Id, "b-passcode", Passcode, """{"MinimumLength": 6}""");
        await PutAsync(tenant.Id, "a-passcode", Passcode, """{"RequirePasscode": true}""");
        await PutAsync(tenant.Id, "c-activation", "com.apple.activation.simple", """{"StandardConfigurations": ["a-passcode"]}""");

        var got = await Api.GetDeclarationAsync(new GetDeclarationRequest { TenantId = tenant.Id, Identifier = "b-passcode" });
        var first = await Api.ListDeclarationsAsync(new ListDeclarationsRequest { TenantId = tenant.Id, PageSize = 2 });
        var second = await Api.ListDeclarationsAsync(new ListDeclarationsRequest { TenantId = tenant.Id, PageSize = 2, PageToken = first.NextPageToken });
        var activations = await Api.ListDeclarationsAsync(new ListDeclarationsRequest { TenantId = tenant.Id, Category = Contracts.V1.DeclarationCategory.Activation });
        var passcodes = await Api.ListDeclarationsAsync(new ListDeclarationsRequest { TenantId = tenant.Id, Type = Passcode });
        await Api.DeleteDeclarationAsync(new DeleteDeclarationRequest { TenantId = tenant.Id, Identifier = "b-passcode" });

        Assert.Equal(("""{"MinimumLength":6}""", Contracts.V1.DeclarationCategory.Configuration), (got.PayloadJson, got.Category));
        Assert.Equal(["a-passcode", "b-passcode"], first.Declarations.Select(d => d.Identifier));
        Assert.Equal(["c-activation"], second.Declarations.Select(d => d.Identifier));
        Assert.Empty(second.NextPageToken);
        Assert.Equal(["c-activation"], activations.Declarations.Select(d => d.Identifier));
        Assert.Equal(["a-passcode", "b-passcode"], passcodes.Declarations.Select(d => d.Identifier));
        Assert.All(first.Declarations, d => Assert.Empty(d.PayloadJson));
        await AssertStatusAsync(StatusCode.NotFound, Api.GetDeclarationAsync(new GetDeclarationRequest { TenantId = tenant.Id, Identifier = "b-passcode" }).ResponseAsync);
    }

    [Fact]
    public async Task The_server_token_follows_content_not_formatting_and_touch_forces_a_new_one()
    {
        var tenant = await fixture.CreateTenantAsync();

        var created = await PutAsync(tenant.Id, "passcode", Passcode, """{"MinimumLength": 6, "RequirePasscode": true}""");
        var reformatted = await PutAsync(tenant.Id, "passcode", Passcode, "{ \"RequirePasscode\" : true,\n  \"MinimumLength\":6 }");
        var changed = await PutAsync(tenant.Id, "passcode", Passcode, """{"MinimumLength": 8, "RequirePasscode": true}""");
        var touched = await Api.TouchDeclarationAsync(new TouchDeclarationRequest { TenantId = tenant.Id, Identifier = "passcode" });
        var stored = await fixture.InTenantAsync(tenant.Id, db => db.Declarations.SingleAsync());

        Assert.True(created.Created);
        Assert.False(reformatted.Changed);
        Assert.Equal(created.Declaration.ServerToken, reformatted.Declaration.ServerToken);
        Assert.True(changed.Changed);
        Assert.NotEqual(created.Declaration.ServerToken, changed.Declaration.ServerToken);
        Assert.Equal(1, touched.Declaration.TouchCount);
        Assert.DoesNotContain(touched.Declaration.ServerToken, new[] { created.Declaration.ServerToken, changed.Declaration.ServerToken });
        // The token is a function of the stored row, so it survives a restart unchanged.
        using var payload = JsonDocument.Parse(stored.PayloadJson);
        Assert.Equal(touched.Declaration.ServerToken, DeclarationTokens.ServerToken(stored.Type, stored.Identifier, payload.RootElement, stored.TouchCount));
        Assert.Equal("""{"MinimumLength":8,"RequirePasscode":true}""", stored.PayloadJson);
    }

    [Fact]
    public async Task A_change_notifies_exactly_the_devices_it_reaches_once_each_with_their_tokens()
    {
        var tenant = await fixture.CreateTenantAsync();
        var devices = await fixture.SeedDevicesAsync(tenant.Id, 5);
        var ids = devices.Select(d => d.Id.ToString()).ToList();
        await PutAsync(tenant.Id, "passcode", Passcode, """{"MinimumLength": 6}""");
        var set = await Api.CreateSetAsync(new CreateSetRequest { TenantId = tenant.Id, Name = "Baseline" });
        await Api.SetSetDeclarationsAsync(new SetDeclarationsRequest { TenantId = tenant.Id, SetId = set.Id, Identifiers = { "passcode" } });
        var group = await Api.CreateDeviceGroupAsync(new CreateDeviceGroupRequest { TenantId = tenant.Id, Name = "Sales", DeviceIds = { ids[2], ids[3] } });

        var assigned = await Api.AssignSetAsync(new AssignSetRequest { TenantId = tenant.Id, SetId = set.Id, DeviceIds = { ids[0], ids[1] }, GroupIds = { group.Id } });
        var afterAssign = await QueuedSyncsAsync(tenant.Id);
        var changed = await PutAsync(tenant.Id, "passcode", Passcode, """{"MinimumLength": 8}""");
        var afterChange = await QueuedSyncsAsync(tenant.Id);
        var unchanged = await PutAsync(tenant.Id, "passcode", Passcode, """{ "MinimumLength" : 8 }""");

        Assert.Equal(4, assigned.Sync.Notified);
        Assert.Equal(4, changed.Sync.Notified);
        Assert.Equal(devices.Take(4).Select(d => d.Id).Order(), afterChange.Keys.Order());
        foreach (var device in devices.Take(4))
        {
            var (_, token) = Assert.Single(afterChange[device.Id]);
            Assert.Equal((await DeviceDeclarationsAsync(tenant.Id, device.Id)).DeclarationsToken, token);
            Assert.NotEqual(Assert.Single(afterAssign[device.Id]).Token, token);
        }

        Assert.Equal(new SyncResult(), unchanged.Sync);
        Assert.Equal(Flatten(afterChange), Flatten(await QueuedSyncsAsync(tenant.Id)));
    }

    [Fact]
    public async Task Deferred_changes_are_sent_by_one_SyncDevices_with_one_command_per_device()
    {
        var tenant = await fixture.CreateTenantAsync();
        var devices = await fixture.SeedDevicesAsync(tenant.Id, 3);
        await PutAsync(tenant.Id, "passcode", Passcode, """{"MinimumLength": 6}""");
        await PutAsync(tenant.Id, "activation", "com.apple.activation.simple", """{"StandardConfigurations": ["passcode"]}""");
        var set = await Api.CreateSetAsync(new CreateSetRequest { TenantId = tenant.Id, Name = "Baseline" });
        var before = await QueuedSyncsAsync(tenant.Id);

        var steps = new List<SyncResult>
        {
            (await Api.AddDeclarationsToSetAsync(new SetDeclarationsRequest { TenantId = tenant.Id, SetId = set.Id, Identifiers = { "passcode" }, DeferSync = true })).Sync,
            (await Api.AssignSetAsync(new AssignSetRequest { TenantId = tenant.Id, SetId = set.Id, DeviceIds = { devices.Select(d => d.Id.ToString()) }, DeferSync = true })).Sync,
            (await Api.AddDeclarationsToSetAsync(new SetDeclarationsRequest { TenantId = tenant.Id, SetId = set.Id, Identifiers = { "activation" }, DeferSync = true })).Sync,
            (await PutAsync(tenant.Id, "passcode", Passcode, """{"MinimumLength": 8}""", deferSync: true)).Sync,
            (await Api.TouchDeclarationAsync(new TouchDeclarationRequest { TenantId = tenant.Id, Identifier = "activation", DeferSync = true })).Sync,
        };
        var deferred = await QueuedSyncsAsync(tenant.Id);
        var synced = await Api.SyncDevicesAsync(new SyncDevicesRequest { TenantId = tenant.Id });
        var again = await Api.SyncDevicesAsync(new SyncDevicesRequest { TenantId = tenant.Id, DeviceIds = { devices[0].Id.ToString() } });

        Assert.Empty(before);
        Assert.All(steps, step => Assert.Equal(new SyncResult(), step));
        Assert.Empty(deferred);
        Assert.Equal((3, 3), (synced.Checked, synced.Notified));
        var queued = await QueuedSyncsAsync(tenant.Id);
        Assert.All(devices, device => Assert.Single(queued[device.Id]));
        Assert.Equal(0, again.Notified);
        var view = await DeviceDeclarationsAsync(tenant.Id, devices[0].Id);
        Assert.Equal(view.DeclarationsToken, view.LastSentToken);
        Assert.Equal(["activation", "passcode"], view.Declarations.Where(d => !d.BuiltIn).Select(d => d.Identifier));
        Assert.All(view.Declarations.Where(d => !d.BuiltIn), d => Assert.Equal("Baseline", Assert.Single(d.Sources).SetName));
    }

    [Fact]
    public async Task The_DeclarationsToken_ignores_row_order_and_changes_with_any_content()
    {
        var first = await fixture.CreateTenantAsync();
        var second = await fixture.CreateTenantAsync();
        var udid = Guid.NewGuid().ToString("D").ToUpperInvariant();
        var one = (await fixture.SeedDevicesAsync(first.Id, 1, shape: SameChannel(udid)))[0];
        var two = (await fixture.SeedDevicesAsync(second.Id, 1, shape: SameChannel(udid)))[0];
        string[] identifiers = ["alpha", "beta", "gamma"];
        foreach (var (tenant, order) in new[] { (first, identifiers), (second, identifiers.Reverse().ToArray()) })
        {
            foreach (var identifier in order)
            {
                await PutAsync(tenant.Id, identifier, Passcode, $$"""{"MinimumLength": {{identifier.Length}}}""");
            }

            var set = await Api.CreateSetAsync(new CreateSetRequest { TenantId = tenant.Id, Name = "Same" });
            foreach (var identifier in order)
            {
                await Api.AddDeclarationsToSetAsync(new SetDeclarationsRequest { TenantId = tenant.Id, SetId = set.Id, Identifiers = { identifier } });
            }

            var device = tenant == first ? one : two;
            await Api.AssignSetAsync(new AssignSetRequest { TenantId = tenant.Id, SetId = set.Id, DeviceIds = { device.Id.ToString() } });
        }

        var tokenOne = (await DeviceDeclarationsAsync(first.Id, one.Id)).DeclarationsToken;
        var tokenTwo = (await DeviceDeclarationsAsync(second.Id, two.Id)).DeclarationsToken;
        await Api.TouchDeclarationAsync(new TouchDeclarationRequest { TenantId = second.Id, Identifier = "beta" });
        var touched = (await DeviceDeclarationsAsync(second.Id, two.Id)).DeclarationsToken;
        await Api.SetDevicePropertiesAsync(new SetDevicePropertiesRequest { TenantId = first.Id, DeviceId = one.Id.ToString(), PropertiesJson = { ["team"] = "\"blue\"" } });
        var withProperty = (await DeviceDeclarationsAsync(first.Id, one.Id)).DeclarationsToken;

        Assert.Equal(tokenOne, tokenTwo);
        Assert.NotEqual(tokenTwo, touched);
        Assert.NotEqual(tokenOne, withProperty);
    }

    [Fact]
    public async Task Deleting_a_declaration_in_a_set_is_refused_unless_it_leaves_its_sets()
    {
        var tenant = await fixture.CreateTenantAsync();
        var device = (await fixture.SeedDevicesAsync(tenant.Id, 1))[0];
        await PutAsync(tenant.Id, "passcode", Passcode, """{"MinimumLength": 6}""");
        var set = await Api.CreateSetAsync(new CreateSetRequest { TenantId = tenant.Id, Name = "Baseline" });
        await Api.AddDeclarationsToSetAsync(new SetDeclarationsRequest { TenantId = tenant.Id, SetId = set.Id, Identifiers = { "passcode" } });
        await Api.AssignSetAsync(new AssignSetRequest { TenantId = tenant.Id, SetId = set.Id, DeviceIds = { device.Id.ToString() } });

        var refused = await AssertStatusAsync(StatusCode.FailedPrecondition,
            Api.DeleteDeclarationAsync(new DeleteDeclarationRequest { TenantId = tenant.Id, Identifier = "passcode" }).ResponseAsync);
        var stillThere = await DeviceDeclarationsAsync(tenant.Id, device.Id);
        var deleted = await Api.DeleteDeclarationAsync(new DeleteDeclarationRequest { TenantId = tenant.Id, Identifier = "passcode", RemoveFromSets = true });
        var after = await DeviceDeclarationsAsync(tenant.Id, device.Id);

        Assert.Contains("'Baseline'", refused.Status.Detail);
        Assert.Contains(stillThere.Declarations, d => d.Identifier == "passcode");
        Assert.Equal([set.Id], deleted.RemovedFromSetIds);
        Assert.Equal(1, deleted.Sync.Notified);
        Assert.DoesNotContain(after.Declarations, d => d.Identifier == "passcode");
        Assert.Empty((await Api.GetSetAsync(new GetSetRequest { TenantId = tenant.Id, SetId = set.Id })).DeclarationIdentifiers);
    }

    [Fact]
    public async Task Sets_and_groups_are_managed_and_deleting_them_unassigns_and_notifies()
    {
        var tenant = await fixture.CreateTenantAsync();
        var devices = await fixture.SeedDevicesAsync(tenant.Id, 3);
        await PutAsync(tenant.Id, "passcode", Passcode, """{"MinimumLength": 6}""");
        var set = await Api.CreateSetAsync(new CreateSetRequest { TenantId = tenant.Id, Name = "Baseline", Description = "for all" });
        var other = await Api.CreateSetAsync(new CreateSetRequest { TenantId = tenant.Id, Name = "Other" });
        await Api.AddDeclarationsToSetAsync(new SetDeclarationsRequest { TenantId = tenant.Id, SetId = set.Id, Identifiers = { "passcode" } });
        var group = await Api.CreateDeviceGroupAsync(new CreateDeviceGroupRequest { TenantId = tenant.Id, Name = "G1", DeviceIds = { devices[0].Id.ToString() } });
        var grown = await Api.AddDevicesToGroupAsync(new GroupDevicesRequest { TenantId = tenant.Id, GroupId = group.Id, DeviceIds = { devices[1].Id.ToString(), devices[0].Id.ToString() } });
        await Api.AssignSetAsync(new AssignSetRequest { TenantId = tenant.Id, SetId = set.Id, GroupIds = { group.Id }, DeviceIds = { devices[2].Id.ToString() } });

        var duplicate = await AssertStatusAsync(StatusCode.AlreadyExists, Api.UpdateSetAsync(new UpdateSetRequest { TenantId = tenant.Id, SetId = other.Id, Name = "Baseline" }).ResponseAsync);
        var renamed = await Api.UpdateSetAsync(new UpdateSetRequest { TenantId = tenant.Id, SetId = set.Id, Name = "Renamed" });
        var listed = await Api.ListSetsAsync(new ListSetsRequest { TenantId = tenant.Id });
        var assignments = await Api.ListAssignmentsAsync(new ListAssignmentsRequest { TenantId = tenant.Id, SetId = set.Id });
        var groups = await Api.ListDeviceGroupsAsync(new ListDeviceGroupsRequest { TenantId = tenant.Id });
        var shrunk = await Api.RemoveDevicesFromGroupAsync(new GroupDevicesRequest { TenantId = tenant.Id, GroupId = group.Id, DeviceIds = { devices[1].Id.ToString() } });
        var groupDeleted = await Api.DeleteDeviceGroupAsync(new DeleteDeviceGroupRequest { TenantId = tenant.Id, GroupId = group.Id });
        var setDeleted = await Api.DeleteSetAsync(new DeleteSetRequest { TenantId = tenant.Id, SetId = set.Id });

        Assert.Contains("Baseline", duplicate.Status.Detail);
        Assert.Equal(("Renamed", "for all", 1, 1), (renamed.Name, renamed.Description, renamed.ChannelAssignmentCount, renamed.GroupAssignmentCount));
        Assert.Equal(["Other", "Renamed"], listed.Sets.Select(s => s.Name));
        Assert.Equal(2, grown.Group.MemberCount);
        Assert.Equal(("G1", 2), (assignments.Groups.Single().GroupName, groups.Groups.Single().MemberCount));
        Assert.Equal(devices[2].Id.ToString(), assignments.Channels.Single().DeviceId);
        Assert.Equal((1, 1), (shrunk.Group.MemberCount, shrunk.Sync.Notified));
        Assert.Equal(1, groupDeleted.Sync.Notified);
        Assert.Equal(1, setDeleted.Sync.Notified);
        await fixture.InTenantAsync(tenant.Id, async db =>
        {
            Assert.False(await db.EnrollmentSetAssignments.AnyAsync());
            Assert.False(await db.GroupSetAssignments.AnyAsync());
            Assert.False(await db.DeclarationSetMembers.AnyAsync());
            Assert.True(await db.Declarations.AnyAsync());
        });
    }

    [Fact]
    public async Task User_channels_get_their_own_assignments_and_properties()
    {
        var tenant = await fixture.CreateTenantAsync();
        var device = (await fixture.SeedDevicesAsync(tenant.Id, 1))[0];
        var user = await TestDevices.SeedUserChannelAsync(fixture.Host.Services, tenant.Id, device);
        await PutAsync(tenant.Id, "passcode", Passcode, """{"MinimumLength": 6}""");
        var set = await Api.CreateSetAsync(new CreateSetRequest { TenantId = tenant.Id, Name = "Users" });
        await Api.AddDeclarationsToSetAsync(new SetDeclarationsRequest { TenantId = tenant.Id, SetId = set.Id, Identifiers = { "passcode" } });
        var channel = new UserChannelRef { DeviceId = device.Id.ToString(), UserEnrollmentId = user.ChannelId };

        var assigned = await Api.AssignSetAsync(new AssignSetRequest { TenantId = tenant.Id, SetId = set.Id, UserChannels = { channel } });
        var userView = await Api.GetDeviceDeclarationsAsync(new GetDeviceDeclarationsRequest { TenantId = tenant.Id, DeviceId = device.Id.ToString(), UserEnrollmentId = user.ChannelId });
        var deviceView = await DeviceDeclarationsAsync(tenant.Id, device.Id);
        var properties = await Api.SetDevicePropertiesAsync(new SetDevicePropertiesRequest
        {
            TenantId = tenant.Id, DeviceId = device.Id.ToString(), UserEnrollmentId = user.ChannelId, PropertiesJson = { ["dept"] = " \"sales\" ", ["level"] = "3" },
        });
        var assignments = await Api.ListAssignmentsAsync(new ListAssignmentsRequest { TenantId = tenant.Id, SetId = set.Id });
        var unknownUser = await AssertStatusAsync(StatusCode.NotFound, Api.AssignSetAsync(new AssignSetRequest
        {
            TenantId = tenant.Id, SetId = set.Id, UserChannels = { new UserChannelRef { DeviceId = device.Id.ToString(), UserEnrollmentId = "nobody" } },
        }).ResponseAsync);

        Assert.Equal(1, assigned.Sync.Notified);
        Assert.Contains(userView.Declarations, d => d.Identifier == "passcode");
        Assert.DoesNotContain(deviceView.Declarations, d => d.Identifier == "passcode");
        Assert.Equal(1, properties.Sync.Notified);
        Assert.Equal("\"sales\"", properties.Properties.PropertiesJson["dept"]);
        Assert.Equal(BuiltInDeclarations.RolloutRing(user.ChannelId), properties.Properties.Ring);
        Assert.Equal(properties.Properties.Ring.ToString(System.Globalization.CultureInfo.InvariantCulture), properties.Properties.PropertiesJson["ring"]);
        Assert.Equal((device.Id.ToString(), user.ChannelId), (assignments.Channels.Single().DeviceId, assignments.Channels.Single().UserEnrollmentId));
        Assert.Contains("nobody", unknownUser.Status.Detail);
    }

    [Fact]
    public async Task The_default_status_subscription_and_client_capabilities_shape_what_a_device_gets()
    {
        var tenant = await fixture.CreateTenantAsync();
        var device = (await fixture.SeedDevicesAsync(tenant.Id, 1))[0];
        await PutAsync(tenant.Id, "passcode", Passcode, """{"MinimumLength": 6}""");
        var set = await Api.CreateSetAsync(new CreateSetRequest { TenantId = tenant.Id, Name = "Baseline" });
        await Api.AddDeclarationsToSetAsync(new SetDeclarationsRequest { TenantId = tenant.Id, SetId = set.Id, Identifiers = { "passcode" } });
        await Api.AssignSetAsync(new AssignSetRequest { TenantId = tenant.Id, SetId = set.Id, DeviceIds = { device.Id.ToString() } });
        var subscribed = await DeviceDeclarationsAsync(tenant.Id, device.Id);

        var off = await Api.SetDefaultStatusSubscriptionAsync(new SetDefaultStatusSubscriptionRequest { TenantId = tenant.Id, Enabled = false });
        var offAgain = await Api.SetDefaultStatusSubscriptionAsync(new SetDefaultStatusSubscriptionRequest { TenantId = tenant.Id, Enabled = false });
        await fixture.InTenantAsync(tenant.Id, async db =>
        {
            var state = await db.DeclarativeStates.SingleAsync(s => s.EnrollmentId == device.Id);
            state.ClientCapabilitiesJson = """{"supported-payloads":{"declarations":{"management":["com.apple.management.properties"]}}}""";
            await db.SaveChangesAsync();
        });
        var limited = await DeviceDeclarationsAsync(tenant.Id, device.Id);

        Assert.Contains(subscribed.Declarations, d => d.Identifier == BuiltInDeclarations.StatusSubscriptionIdentifier && d.BuiltIn);
        Assert.Equal(1, off.Sync.Notified);
        Assert.Equal(new SyncResult(), offAgain.Sync);
        Assert.Equal([BuiltInDeclarations.PropertiesIdentifier], limited.Declarations.Select(d => d.Identifier));
        var excluded = Assert.Single(limited.Excluded);
        Assert.Equal(("passcode", "Baseline"), (excluded.Identifier, Assert.Single(excluded.Sources).SetName));
        Assert.Contains("client-capabilities", excluded.Reason);
        Assert.NotEqual(limited.DeclarationsToken, limited.LastSentToken);
    }

    public static TheoryData<string, string, string, string> BadDeclarations => new()
    {
        { "passcode", Passcode, "{not json", "not valid JSON" },
        { "passcode", Passcode, "[1, 2]", "must be a JSON object" },
        { "passcode", Passcode, """{"MinimumLength": "six"}""", "does not match Apple's schema" },
        { "passcode", Passcode, """{"NoSuchKey": 1}""", "does not match Apple's schema" },
        { "passcode", "com.apple.configuration.no-such-thing", "{}", "Unknown declaration type" },
        { "passcode", "", "{}", "type is required" },
        { "saasmdm.mine", Passcode, "{}", "reserved" },
        { new string('x', 65), Passcode, "{}", "64 UTF-8 octets" },
        { new string('é', 33), Passcode, "{}", "64 UTF-8 octets" },
        { "tab\there", Passcode, "{}", "control characters" },
        { "", Passcode, "{}", "identifier is required" },
        { "passcode", Passcode, "{\"x\":\"" + new string('a', 256 * 1024) + "\"}", "256 KiB" },
        { "passcode", "com.apple.activation.simple", """{"StandardConfigurations": ["x"]}""", "cannot change" },
    };

    [Theory]
    [MemberData(nameof(BadDeclarations))]
    public async Task Bad_declarations_are_refused_and_change_nothing(string identifier, string type, string payload, string message)
    {
        var tenant = await fixture.CreateTenantAsync();
        await PutAsync(tenant.Id, "passcode", Passcode, """{"MinimumLength": 6}""");
        var before = await SnapshotAsync(tenant.Id);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Api.PutDeclarationAsync(new PutDeclarationRequest { TenantId = tenant.Id, Identifier = identifier, Type = type, PayloadJson = payload }).ResponseAsync);

        Assert.Equal(message == "cannot change" ? StatusCode.FailedPrecondition : StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(message, error.Status.Detail);
        Assert.Equal(before, await SnapshotAsync(tenant.Id));
    }

    [Fact]
    public async Task Unknown_or_malformed_targets_are_refused_and_change_nothing()
    {
        var tenant = await fixture.CreateTenantAsync();
        var device = (await fixture.SeedDevicesAsync(tenant.Id, 1))[0].Id.ToString();
        await PutAsync(tenant.Id, "passcode", Passcode, """{"MinimumLength": 6}""");
        var set = (await Api.CreateSetAsync(new CreateSetRequest { TenantId = tenant.Id, Name = "S" })).Id;
        var group = (await Api.CreateDeviceGroupAsync(new CreateDeviceGroupRequest { TenantId = tenant.Id, Name = "G" })).Id;
        var missing = Guid.NewGuid().ToString();
        var before = await SnapshotAsync(tenant.Id);
        var t = tenant.Id;

        var cases = new (StatusCode Status, Func<Task> Call)[]
        {
            (StatusCode.NotFound, () => Api.AssignSetAsync(new AssignSetRequest { TenantId = t, SetId = set, DeviceIds = { device, missing } }).ResponseAsync),
            (StatusCode.NotFound, () => Api.AssignSetAsync(new AssignSetRequest { TenantId = t, SetId = set, DeviceIds = { device }, GroupIds = { missing } }).ResponseAsync),
            (StatusCode.NotFound, () => Api.AssignSetAsync(new AssignSetRequest { TenantId = t, SetId = missing, DeviceIds = { device } }).ResponseAsync),
            (StatusCode.InvalidArgument, () => Api.AssignSetAsync(new AssignSetRequest { TenantId = t, SetId = set }).ResponseAsync),
            (StatusCode.InvalidArgument, () => Api.AssignSetAsync(new AssignSetRequest { TenantId = t, SetId = "not-an-id", DeviceIds = { device } }).ResponseAsync),
            (StatusCode.InvalidArgument, () => Api.AssignSetAsync(new AssignSetRequest { TenantId = t, SetId = set, DeviceIds = { "not-a-device" } }).ResponseAsync),
            (StatusCode.NotFound, () => Api.AddDevicesToGroupAsync(new GroupDevicesRequest { TenantId = t, GroupId = group, DeviceIds = { device, missing } }).ResponseAsync),
            (StatusCode.NotFound, () => Api.AddDevicesToGroupAsync(new GroupDevicesRequest { TenantId = t, GroupId = missing, DeviceIds = { device } }).ResponseAsync),
            (StatusCode.InvalidArgument, () => Api.AddDevicesToGroupAsync(new GroupDevicesRequest { TenantId = t, GroupId = group }).ResponseAsync),
            (StatusCode.NotFound, () => Api.SetSetDeclarationsAsync(new SetDeclarationsRequest { TenantId = t, SetId = set, Identifiers = { "passcode", "unknown" } }).ResponseAsync),
            (StatusCode.InvalidArgument, () => Api.AddDeclarationsToSetAsync(new SetDeclarationsRequest { TenantId = t, SetId = set, Identifiers = { "saasmdm.status-subscriptions" } }).ResponseAsync),
            (StatusCode.AlreadyExists, () => Api.CreateSetAsync(new CreateSetRequest { TenantId = t, Name = " S " }).ResponseAsync),
            (StatusCode.InvalidArgument, () => Api.CreateSetAsync(new CreateSetRequest { TenantId = t, Name = "" }).ResponseAsync),
            (StatusCode.AlreadyExists, () => Api.CreateDeviceGroupAsync(new CreateDeviceGroupRequest { TenantId = t, Name = "G" }).ResponseAsync),
            (StatusCode.NotFound, () => Api.CreateDeviceGroupAsync(new CreateDeviceGroupRequest { TenantId = t, Name = "H", DeviceIds = { missing } }).ResponseAsync),
            (StatusCode.InvalidArgument, () => Api.SetDevicePropertiesAsync(new SetDevicePropertiesRequest { TenantId = t, DeviceId = device, PropertiesJson = { ["ring"] = "5" } }).ResponseAsync),
            (StatusCode.InvalidArgument, () => Api.SetDevicePropertiesAsync(new SetDevicePropertiesRequest { TenantId = t, DeviceId = device, PropertiesJson = { ["list"] = "[1]" } }).ResponseAsync),
            (StatusCode.InvalidArgument, () => Api.SetDevicePropertiesAsync(new SetDevicePropertiesRequest { TenantId = t, DeviceId = device, PropertiesJson = { ["dept"] = "sales" } }).ResponseAsync),
            (StatusCode.InvalidArgument, () => Api.SetDevicePropertiesAsync(new SetDevicePropertiesRequest { TenantId = t, DeviceId = device, PropertiesJson = { ["bad key"] = "1" } }).ResponseAsync),
            (StatusCode.NotFound, () => Api.SetDevicePropertiesAsync(new SetDevicePropertiesRequest { TenantId = t, DeviceId = device, UserEnrollmentId = "nobody", PropertiesJson = { ["a"] = "1" } }).ResponseAsync),
            (StatusCode.NotFound, () => Api.SyncDevicesAsync(new SyncDevicesRequest { TenantId = t, DeviceIds = { missing } }).ResponseAsync),
            (StatusCode.InvalidArgument, () => Api.ListDeclarationsAsync(new ListDeclarationsRequest { TenantId = t, PageToken = "%%" }).ResponseAsync),
        };
        foreach (var (status, call) in cases)
        {
            await AssertStatusAsync(status, call());
        }

        Assert.Equal(before, await SnapshotAsync(tenant.Id));
    }

    [Fact]
    public async Task Another_tenants_ids_are_never_found_and_its_rows_never_change()
    {
        var owner = await fixture.CreateTenantAsync();
        var device = (await fixture.SeedDevicesAsync(owner.Id, 1))[0].Id.ToString();
        await PutAsync(owner.Id, "passcode", Passcode, """{"MinimumLength": 6}""");
        var set = (await Api.CreateSetAsync(new CreateSetRequest { TenantId = owner.Id, Name = "S" })).Id;
        await Api.AddDeclarationsToSetAsync(new SetDeclarationsRequest { TenantId = owner.Id, SetId = set, Identifiers = { "passcode" } });
        var group = (await Api.CreateDeviceGroupAsync(new CreateDeviceGroupRequest { TenantId = owner.Id, Name = "G", DeviceIds = { device } })).Id;
        await Api.AssignSetAsync(new AssignSetRequest { TenantId = owner.Id, SetId = set, DeviceIds = { device }, GroupIds = { group } });
        var before = await SnapshotAsync(owner.Id);
        var other = await fixture.CreateTenantAsync();
        var ownSet = (await Api.CreateSetAsync(new CreateSetRequest { TenantId = other.Id, Name = "Mine" })).Id;
        var ownGroup = (await Api.CreateDeviceGroupAsync(new CreateDeviceGroupRequest { TenantId = other.Id, Name = "Mine" })).Id;
        var t = other.Id;

        var calls = new Func<Task>[]
        {
            () => Api.GetDeclarationAsync(new GetDeclarationRequest { TenantId = t, Identifier = "passcode" }).ResponseAsync,
            () => Api.DeleteDeclarationAsync(new DeleteDeclarationRequest { TenantId = t, Identifier = "passcode", RemoveFromSets = true }).ResponseAsync,
            () => Api.TouchDeclarationAsync(new TouchDeclarationRequest { TenantId = t, Identifier = "passcode" }).ResponseAsync,
            () => Api.GetSetAsync(new GetSetRequest { TenantId = t, SetId = set }).ResponseAsync,
            () => Api.UpdateSetAsync(new UpdateSetRequest { TenantId = t, SetId = set, Name = "X" }).ResponseAsync,
            () => Api.DeleteSetAsync(new DeleteSetRequest { TenantId = t, SetId = set }).ResponseAsync,
            () => Api.SetSetDeclarationsAsync(new SetDeclarationsRequest { TenantId = t, SetId = set }).ResponseAsync,
            () => Api.AddDeclarationsToSetAsync(new SetDeclarationsRequest { TenantId = t, SetId = ownSet, Identifiers = { "passcode" } }).ResponseAsync,
            () => Api.RemoveDeclarationsFromSetAsync(new SetDeclarationsRequest { TenantId = t, SetId = set, Identifiers = { "passcode" } }).ResponseAsync,
            () => Api.DeleteDeviceGroupAsync(new DeleteDeviceGroupRequest { TenantId = t, GroupId = group }).ResponseAsync,
            () => Api.AddDevicesToGroupAsync(new GroupDevicesRequest { TenantId = t, GroupId = ownGroup, DeviceIds = { device } }).ResponseAsync,
            () => Api.RemoveDevicesFromGroupAsync(new GroupDevicesRequest { TenantId = t, GroupId = group, DeviceIds = { device } }).ResponseAsync,
            () => Api.CreateDeviceGroupAsync(new CreateDeviceGroupRequest { TenantId = t, Name = "Theirs", DeviceIds = { device } }).ResponseAsync,
            () => Api.AssignSetAsync(new AssignSetRequest { TenantId = t, SetId = ownSet, DeviceIds = { device } }).ResponseAsync,
            () => Api.AssignSetAsync(new AssignSetRequest { TenantId = t, SetId = ownSet, GroupIds = { group } }).ResponseAsync,
            () => Api.UnassignSetAsync(new AssignSetRequest { TenantId = t, SetId = set, DeviceIds = { device } }).ResponseAsync,
            () => Api.ListAssignmentsAsync(new ListAssignmentsRequest { TenantId = t, SetId = set }).ResponseAsync,
            () => Api.GetDeviceDeclarationsAsync(new GetDeviceDeclarationsRequest { TenantId = t, DeviceId = device }).ResponseAsync,
            () => Api.SetDevicePropertiesAsync(new SetDevicePropertiesRequest { TenantId = t, DeviceId = device, PropertiesJson = { ["a"] = "1" } }).ResponseAsync,
            () => Api.GetDevicePropertiesAsync(new GetDevicePropertiesRequest { TenantId = t, DeviceId = device }).ResponseAsync,
            () => Api.SyncDevicesAsync(new SyncDevicesRequest { TenantId = t, DeviceIds = { device } }).ResponseAsync,
        };
        foreach (var call in calls)
        {
            await AssertStatusAsync(StatusCode.NotFound, call());
        }

        var lists = await Api.ListDeclarationsAsync(new ListDeclarationsRequest { TenantId = t });
        var sets = await Api.ListSetsAsync(new ListSetsRequest { TenantId = t });
        var groups = await Api.ListDeviceGroupsAsync(new ListDeviceGroupsRequest { TenantId = t });
        var synced = await Api.SyncDevicesAsync(new SyncDevicesRequest { TenantId = t });
        await Api.SetDefaultStatusSubscriptionAsync(new SetDefaultStatusSubscriptionRequest { TenantId = t, Enabled = false });

        Assert.Empty(lists.Declarations);
        Assert.Equal(["Mine"], sets.Sets.Select(s => s.Name));
        Assert.Equal(["Mine"], groups.Groups.Select(g => g.Name));
        Assert.Equal(0, synced.Checked);
        Assert.Equal(before, await SnapshotAsync(owner.Id));
    }

    private static Action<EnrollmentEntity, int> SameChannel(string udid) => (device, _) => (device.ChannelId, device.Udid) = (udid, udid);

    private Task<PutDeclarationResponse> PutAsync(string tenantId, string identifier, string type, string payload, bool deferSync = false) =>
        Api.PutDeclarationAsync(new PutDeclarationRequest { TenantId = tenantId, Identifier = identifier, Type = type, PayloadJson = payload, DeferSync = deferSync }).ResponseAsync;

    private Task<DeviceDeclarations> DeviceDeclarationsAsync(string tenantId, Guid deviceId) =>
        Api.GetDeviceDeclarationsAsync(new GetDeviceDeclarationsRequest { TenantId = tenantId, DeviceId = deviceId.ToString() }).ResponseAsync;

    private static async Task<RpcException> AssertStatusAsync(StatusCode status, Task call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => call);
        Assert.True(status == error.StatusCode, $"expected {status}, got {error.StatusCode}: {error.Status.Detail}");
        return error;
    }

    /// <summary>Queued DeclarativeManagement commands by enrollment, with the DeclarationsToken each carries in Data.</summary>
    private Task<Dictionary<Guid, List<(string CommandId, string Token)>>> QueuedSyncsAsync(string tenantId) =>
        fixture.InTenantAsync(tenantId, async db =>
        {
            var rows = await (
                    from queued in db.CommandQueue
                    join command in db.Commands on queued.CommandId equals command.Id
                    where command.RequestType == "DeclarativeManagement"
                    select new { queued.EnrollmentId, command.Id, command.Plist })
                .ToListAsync();
            return rows.GroupBy(r => r.EnrollmentId).ToDictionary(g => g.Key, g => g.Select(r => (r.Id, TokenOf(r.Plist))).ToList());
        });

    private static string TokenOf(byte[] plist)
    {
        var data = ((PlistDictionary)PlistReader.Read(plist)).GetDictionary("Command").GetData("Data");
        using var tokens = JsonDocument.Parse(data);
        return tokens.RootElement.GetProperty("SyncTokens").GetProperty("DeclarationsToken").GetString()!;
    }

    private static string Flatten(Dictionary<Guid, List<(string CommandId, string Token)>> queued) =>
        string.Join(";", queued.OrderBy(q => q.Key).SelectMany(q => q.Value.Select(c => $"{q.Key}:{c.CommandId}:{c.Token}")));

    /// <summary>Every declarative-management row of the tenant, and its queued commands: equal before and after shows nothing changed.</summary>
    private Task<string> SnapshotAsync(string tenantId) =>
        fixture.InTenantAsync(tenantId, async db => string.Join("|",
            string.Join(",", await db.Declarations.OrderBy(d => d.Identifier).Select(d => d.Identifier + d.ServerToken + d.Type).ToListAsync()),
            string.Join(",", await db.DeclarationSets.OrderBy(s => s.Name).Select(s => s.Name + s.Description).ToListAsync()),
            await db.DeclarationSetMembers.CountAsync(),
            string.Join(",", await db.DeviceGroups.OrderBy(g => g.Name).Select(g => g.Name).ToListAsync()),
            await db.DeviceGroupMembers.CountAsync(),
            await db.EnrollmentSetAssignments.CountAsync(),
            await db.GroupSetAssignments.CountAsync(),
            await db.ManagementProperties.CountAsync(),
            string.Join(",", await db.DeclarativeStates.OrderBy(s => s.EnrollmentId).Select(s => s.DeclarationsToken).ToListAsync()),
            await db.CommandQueue.CountAsync(),
            await db.Tenants.Where(x => x.Id == Guid.Parse(tenantId)).Select(x => x.DefaultStatusSubscription).SingleAsync()));

}
