using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Gateway.Profiles;
using SaaSMdm.Core.Security;
using SaaSMdm.Core.Tests.Api.Accounts;
using SaaSMdm.Core.Tests.Api.Authorization;
using SaaSMdm.Rpc;
using SaaSMdm.TestHosts;
using CommandsClient = SaaSMdm.Contracts.V1.Commands.CommandsClient;
using EnrollmentKind = SaaSMdm.Core.Data.Entities.EnrollmentKind;
using TenantRole = SaaSMdm.Core.Data.Entities.TenantRole;

namespace SaaSMdm.Core.Tests.Api.DeviceActions;

public sealed class DeviceActionCommandsOnSqlite(ApiFixture<OnSqlite> fixture) : DeviceActionCommandsTests<OnSqlite>(fixture);

public sealed class DeviceActionCommandsOnPostgres(ApiFixture<OnPostgres> fixture) : DeviceActionCommandsTests<OnPostgres>(fixture);

/// <summary>
/// The portal's device actions as typed commands: each queued exactly as Apple's schema has it (read back with
/// Python's plistlib), ClearPasscode with each device's own unlock token, RemoveManagement as RemoveProfile of the
/// enrollment profile; refusals queue nothing.
/// </summary>
public abstract class DeviceActionCommandsTests<TProvider>(ApiFixture<TProvider> fixture) : IClassFixture<ApiFixture<TProvider>>
    where TProvider : IProviderChoice
{
    public static TheoryData<string> Actions => ["DeviceLock", "RestartDevice", "ShutDownDevice", "DeviceInformation", "EraseDevice", "RemoveManagement"];

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task A_device_action_is_queued_with_exactly_the_keys_of_Apples_schema(string action)
    {
        var tenant = await fixture.CreateTenantAsync();
        var device = (await fixture.SeedDevicesAsync(tenant.Id, 1))[0];
        var (request, expected) = action switch
        {
            "DeviceLock" => (new EnqueueCommandRequest { DeviceLock = new DeviceLockCommand { Message = "Lost iPhone\nPlease call", PhoneNumber = "+1 (555) 010-0199" } },
                new Dictionary<string, string> { ["RequestType"] = "str:DeviceLock", ["Message"] = "str:Lost iPhone\nPlease call", ["PhoneNumber"] = "str:+1 (555) 010-0199" }),
            "RestartDevice" => (new EnqueueCommandRequest { RestartDevice = new RestartDeviceCommand() }, new Dictionary<string, string> { ["RequestType"] = "str:RestartDevice" }),
            "ShutDownDevice" => (new EnqueueCommandRequest { ShutDownDevice = new ShutDownDeviceCommand() }, new Dictionary<string, string> { ["RequestType"] = "str:ShutDownDevice" }),
            "DeviceInformation" => (new EnqueueCommandRequest { DeviceInformation = new DeviceInformationCommand { Queries = { "DeviceName", "OSVersion" } } },
                new Dictionary<string, string> { ["RequestType"] = "str:DeviceInformation", ["Queries"] = "list:['DeviceName', 'OSVersion']" }),
            "EraseDevice" => (new EnqueueCommandRequest { EraseDevice = new EraseDeviceCommand { PreserveDataPlan = true } },
                new Dictionary<string, string> { ["RequestType"] = "str:EraseDevice", ["PreserveDataPlan"] = "bool:True" }),
            _ => (new EnqueueCommandRequest { RemoveManagement = new RemoveManagementCommand() },
                new Dictionary<string, string> { ["RequestType"] = "str:RemoveProfile", ["Identifier"] = $"str:com.saasmdm.{tenant.Slug}.enrollment" }),
        };
        request.TenantId = tenant.Id;
        request.DeviceIds.Add(device.Id.ToString());
        request.NoPush = true;

        var queued = await fixture.Commands.EnqueueCommandAsync(request);

        var keys = await QueuedKeysAsync(tenant.Id, queued.CommandUuid);
        Assert.Equal($"str:{queued.CommandUuid}", keys["CommandUUID"]);
        Assert.Equal(expected, keys.Where(key => key.Key != "CommandUUID").ToDictionary());
        Assert.Equal(expected["RequestType"][4..], queued.RequestType);
        Assert.Equal(1, queued.DeviceCount);
    }

    [Fact]
    public async Task RemoveManagement_names_the_profile_the_enrollment_profile_issuer_uses()
    {
        var tenant = await fixture.CreateTenantAsync();
        var device = (await fixture.SeedDevicesAsync(tenant.Id, 1))[0];

        var queued = await fixture.Commands.EnqueueCommandAsync(new EnqueueCommandRequest
        {
            TenantId = tenant.Id, DeviceIds = { device.Id.ToString() }, RemoveManagement = new RemoveManagementCommand(), NoPush = true,
        });

        Assert.Equal($"str:{EnrollmentProfileIdentifier.For(tenant.Slug)}", (await QueuedKeysAsync(tenant.Id, queued.CommandUuid))["Identifier"]);
        Assert.Equal(queued.CommandUuid, queued.DeviceCommandUuids[device.Id.ToString()]);
    }

    [Fact]
    public async Task ClearPasscode_carries_each_devices_own_unlock_token()
    {
        var tenant = await fixture.CreateTenantAsync();
        var tokens = new[] { new byte[] { 1, 2, 3, 4 }, new byte[] { 9, 8, 7, 6, 5 } };
        var devices = await SeedWithUnlockTokensAsync(tenant.Id, tokens);

        var queued = await fixture.Commands.EnqueueCommandAsync(new EnqueueCommandRequest
        {
            TenantId = tenant.Id, DeviceIds = { devices.Select(d => d.Id.ToString()) }, ClearPasscode = new ClearPasscodeCommand(), NoPush = true,
        });

        Assert.Equal("ClearPasscode", queued.RequestType);
        Assert.Equal(2, queued.DeviceCount);
        Assert.Equal("", queued.CommandUuid);
        Assert.Equal(2, queued.DeviceCommandUuids.Values.Distinct().Count());
        for (var i = 0; i < devices.Count; i++)
        {
            var commandUuid = queued.DeviceCommandUuids[devices[i].Id.ToString()];
            var keys = await QueuedKeysAsync(tenant.Id, commandUuid);
            Assert.Equal(new Dictionary<string, string>
            {
                ["CommandUUID"] = $"str:{commandUuid}", ["RequestType"] = "str:ClearPasscode", ["UnlockToken"] = $"bytes:{Convert.ToBase64String(tokens[i])}",
            }, keys);
            var queuedFor = await fixture.InTenantAsync(tenant.Id, db => db.CommandQueue.Where(q => q.CommandId == commandUuid).Select(q => q.EnrollmentId).ToListAsync());
            Assert.Equal([devices[i].Id], queuedFor);
        }

        var single = await fixture.Commands.EnqueueCommandAsync(new EnqueueCommandRequest
        {
            TenantId = tenant.Id, DeviceIds = { devices[0].Id.ToString() }, ClearPasscode = new ClearPasscodeCommand(), NoPush = true,
        });
        Assert.Equal(single.DeviceCommandUuids[devices[0].Id.ToString()], single.CommandUuid);
    }

    [Fact]
    public async Task ClearPasscode_for_a_device_without_an_unlock_token_is_FAILED_PRECONDITION_naming_it_and_queues_nothing()
    {
        var tenant = await fixture.CreateTenantAsync();
        var withToken = (await SeedWithUnlockTokensAsync(tenant.Id, [[1, 2, 3]]))[0];
        var withoutToken = (await fixture.SeedDevicesAsync(tenant.Id, 1, shape: (device, _) => device.ProductName = "Mac14,2"))[0];
        var before = await fixture.CountAllAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Commands.EnqueueCommandAsync(new EnqueueCommandRequest
        {
            TenantId = tenant.Id, DeviceIds = { withToken.Id.ToString(), withoutToken.Id.ToString() }, ClearPasscode = new ClearPasscodeCommand(),
        }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains(withoutToken.Id.ToString(), error.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(withToken.Id.ToString(), error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.CountAllAsync());
    }

    [Fact]
    public async Task RemoveManagement_of_a_User_Enrollment_is_FAILED_PRECONDITION_and_queues_nothing()
    {
        var tenant = await fixture.CreateTenantAsync();
        var devices = await fixture.SeedDevicesAsync(tenant.Id, 2, shape: (device, i) => device.Kind = i == 1 ? EnrollmentKind.UserEnrollmentDevice : EnrollmentKind.Device);
        var before = await fixture.CountAllAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Commands.EnqueueCommandAsync(new EnqueueCommandRequest
        {
            TenantId = tenant.Id, DeviceIds = { devices.Select(d => d.Id.ToString()) }, RemoveManagement = new RemoveManagementCommand(),
        }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains(devices[1].Id.ToString(), error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.CountAllAsync());
    }

    [Theory]
    [InlineData("message too long")]
    [InlineData("message with a control character")]
    [InlineData("phone number too long")]
    [InlineData("phone number with letters")]
    public async Task A_lock_screen_text_out_of_bounds_is_INVALID_ARGUMENT_and_queues_nothing(string problem)
    {
        var tenant = await fixture.CreateTenantAsync();
        var device = (await fixture.SeedDevicesAsync(tenant.Id, 1))[0];
        var command = problem switch
        {
            "message too long" => new DeviceLockCommand { Message = new string('x', 501) },
            "message with a control character" => new DeviceLockCommand { Message = "Lost\u0007" },
            "phone number too long" => new DeviceLockCommand { PhoneNumber = new string('1', 41) },
            _ => new DeviceLockCommand { PhoneNumber = "call 555" },
        };
        var before = await fixture.CountAllAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Commands.EnqueueCommandAsync(new EnqueueCommandRequest
        {
            TenantId = tenant.Id, DeviceIds = { device.Id.ToString() }, DeviceLock = command,
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("device_lock.", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.CountAllAsync());
    }

    [Fact]
    public async Task A_help_desk_person_may_lock_but_not_clear_the_passcode_or_remove_management()
    {
        var tenant = await fixture.CreateTenantAsync();
        var device = (await SeedWithUnlockTokensAsync(tenant.Id, [[1, 2, 3]]))[0].Id.ToString();
        var callers = new TestCallers(fixture.Host);
        var (email, password) = await callers.CreatePersonAsync(Guid.Parse(tenant.Id), TenantRole.HelpDesk);
        using var kit = new AccountsKit(fixture.Host);
        var helpDesk = new CommandsClient(kit.TokenChannel((await callers.SignInAsync(email, password)).AccessToken).CreateCallInvoker());

        await helpDesk.EnqueueCommandAsync(new EnqueueCommandRequest { TenantId = tenant.Id, DeviceIds = { device }, DeviceLock = new DeviceLockCommand(), NoPush = true });
        var before = await fixture.CountAllAsync();
        foreach (var request in new[]
        {
            new EnqueueCommandRequest { ClearPasscode = new ClearPasscodeCommand() },
            new EnqueueCommandRequest { RemoveManagement = new RemoveManagementCommand() },
        })
        {
            request.TenantId = tenant.Id;
            request.DeviceIds.Add(device);
            var error = await Assert.ThrowsAsync<RpcException>(() => helpDesk.EnqueueCommandAsync(request).ResponseAsync);
            Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
            Assert.Contains("commands:destructive", error.Status.Detail, StringComparison.Ordinal);
        }

        Assert.Equal(before, await fixture.CountAllAsync());
    }

    private async Task<List<EnrollmentEntity>> SeedWithUnlockTokensAsync(string tenantId, byte[][] unlockTokens)
    {
        var secrets = fixture.Host.Services.GetRequiredService<SecretProtector>();
        return await fixture.SeedDevicesAsync(tenantId, unlockTokens.Length,
            shape: (device, i) => device.ProtectedUnlockToken = secrets.Protect(SecretPurpose.UnlockToken, unlockTokens[i]));
    }

    private async Task<IReadOnlyDictionary<string, string>> QueuedKeysAsync(string tenantId, string commandUuid) =>
        await QueuedCommandPlist.ReadAsync(await fixture.InTenantAsync(tenantId, db => db.Commands.Where(c => c.Id == commandUuid).Select(c => c.Plist).SingleAsync()));
}
