using System.Diagnostics;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Plist;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Commands;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Rpc;
using SaaSMdm.TestHosts;
using Xunit.Abstractions;
using EnrollmentKind = SaaSMdm.Core.Data.Entities.EnrollmentKind;
using EnrollmentState = SaaSMdm.Core.Data.Entities.EnrollmentState;

namespace SaaSMdm.Core.Tests.Api;

public sealed class CommandsApiOnSqlite(ApiFixture<OnSqlite> fixture, ITestOutputHelper output) : CommandsApiTests<OnSqlite>(fixture, output);

public sealed class CommandsApiOnPostgres(ApiFixture<OnPostgres> fixture, ITestOutputHelper output) : CommandsApiTests<OnPostgres>(fixture, output);

/// <summary>The Commands API over gRPC: enqueue (validated before anything is stored), a device's command history, cancellation.</summary>
public abstract class CommandsApiTests<TProvider>(ApiFixture<TProvider> fixture, ITestOutputHelper output) : IClassFixture<ApiFixture<TProvider>>
    where TProvider : IProviderChoice
{
    public static TheoryData<string> TypedCommands =>
    [
        "DeviceInformation", "SecurityInfo", "ProfileList", "InstallProfile", "RemoveProfile", "InstalledApplicationList",
        "CertificateList", "DeviceLock", "EraseDevice", "RestartDevice", "ShutDownDevice",
    ];

    [Theory]
    [MemberData(nameof(TypedCommands))]
    public async Task Typed_commands_are_built_validated_and_queued_once_for_every_target(string requestType)
    {
        var tenant = await fixture.CreateTenantAsync();
        var devices = await fixture.SeedDevicesAsync(tenant.Id, 3);
        var request = Typed(requestType);
        request.TenantId = tenant.Id;
        request.NoPush = true;
        request.DeviceIds.AddRange(devices.Select(d => d.Id.ToString()));

        var response = await fixture.Commands.EnqueueCommandAsync(request);

        Assert.Equal(requestType, response.RequestType);
        Assert.Equal(3, response.DeviceCount);
        var stored = await StoredCommandAsync(tenant.Id, response.CommandUuid);
        Assert.Equal(requestType, stored.RequestType);
        Assert.Equal(response.CommandUuid, stored.CommandUuid);
        Assert.True(new CommandValidator().Validate(stored).IsValid);
        await fixture.InTenantAsync(tenant.Id, async db =>
            Assert.Equal(devices.Select(d => d.Id).Order(), (await db.CommandQueue.Where(q => q.CommandId == response.CommandUuid).Select(q => q.EnrollmentId).ToListAsync()).Order()));
    }

    [Fact]
    public async Task Typed_commands_carry_their_options()
    {
        var tenant = await fixture.CreateTenantAsync();
        var device = (await fixture.SeedDevicesAsync(tenant.Id, 1))[0];
        var lockResponse = await fixture.Commands.EnqueueCommandAsync(new EnqueueCommandRequest
        {
            TenantId = tenant.Id, DeviceIds = { device.Id.ToString() }, NoPush = true,
            DeviceLock = new DeviceLockCommand { Message = "Return to IT", PhoneNumber = "+1 555 0100", Pin = "123456" },
        });
        var infoResponse = await fixture.Commands.EnqueueCommandAsync(new EnqueueCommandRequest
        {
            TenantId = tenant.Id, DeviceIds = { device.Id.ToString() }, NoPush = true,
            DeviceInformation = new DeviceInformationCommand { Queries = { "DeviceName", "OSVersion" } },
        });

        var deviceLock = await StoredCommandAsync(tenant.Id, lockResponse.CommandUuid);
        Assert.Equal("Return to IT", deviceLock.Keys.GetString("Message"));
        Assert.Equal("123456", deviceLock.Keys.GetString("PIN"));
        var information = await StoredCommandAsync(tenant.Id, infoResponse.CommandUuid);
        Assert.Equal(["DeviceName", "OSVersion"], information.Keys.GetArray("Queries").Elements<PlistString>().Select(s => s.Value));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Raw_plist_commands_in_xml_or_binary_are_queued_with_their_keys(bool binary)
    {
        var tenant = await fixture.CreateTenantAsync();
        var device = (await fixture.SeedDevicesAsync(tenant.Id, 1))[0];
        var command = new PlistDictionary()
            .Add("RequestType", "InstalledApplicationList")
            .Add("Identifiers", new PlistArray { "com.example.app" })
            .Add("ManagedAppsOnly", true);

        var response = await fixture.Commands.EnqueueCommandAsync(new EnqueueCommandRequest
        {
            TenantId = tenant.Id, DeviceIds = { device.Id.ToString() }, NoPush = true,
            RawPlist = ByteString.CopyFrom(binary ? PlistWriter.WriteBinary(command) : PlistWriter.WriteXml(command)),
        });

        var stored = await StoredCommandAsync(tenant.Id, response.CommandUuid);
        Assert.Equal("InstalledApplicationList", stored.RequestType);
        Assert.True(stored.Keys.GetBoolean("ManagedAppsOnly"));
        Assert.Equal("com.example.app", stored.Keys.GetArray("Identifiers").Get<PlistString>(0).Value);
    }

    public static TheoryData<string, byte[], string> BadRawPlists => new()
    {
        { "garbage", "not a plist at all"u8.ToArray(), "readable" },
        { "empty", [], "readable" },
        { "truncated xml", PlistWriter.WriteXml(new PlistDictionary().Add("RequestType", "SecurityInfo"))[..60], "readable" },
        { "array root", PlistWriter.WriteXml(new PlistArray { "SecurityInfo" }), "root is of type Array" },
        { "no RequestType", PlistWriter.WriteXml(new PlistDictionary().Add("Queries", new PlistArray())), "RequestType" },
        { "RequestType not a string", PlistWriter.WriteXml(new PlistDictionary().Add("RequestType", 7)), "RequestType" },
        { "envelope", PlistWriter.WriteXml(MdmCommands.SecurityInfo().ToPlist()), "envelope" },
        { "CommandUUID", PlistWriter.WriteXml(new PlistDictionary().Add("RequestType", "SecurityInfo").Add("CommandUUID", "X")), "CommandUUID" },
        { "unknown RequestType", PlistWriter.WriteXml(new PlistDictionary().Add("RequestType", "Frobnicate")), "unknown RequestType 'Frobnicate'" },
        { "wrong type", PlistWriter.WriteXml(new PlistDictionary().Add("RequestType", "DeviceInformation").Add("Queries", "DeviceName")), "Command.Queries" },
        { "missing required key", PlistWriter.WriteXml(new PlistDictionary().Add("RequestType", "RemoveProfile")), "Command.Identifier" },
        { "too deep", PlistWriter.WriteXml(Nested(40)), "readable" },
    };

    [Theory]
    [MemberData(nameof(BadRawPlists))]
    public async Task Bad_raw_plist_is_INVALID_ARGUMENT_and_queues_nothing(string name, byte[] plist, string detail)
    {
        var tenant = await fixture.CreateTenantAsync();
        var device = (await fixture.SeedDevicesAsync(tenant.Id, 1))[0];
        var before = await fixture.CountAllAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Commands.EnqueueCommandAsync(new EnqueueCommandRequest
        {
            TenantId = tenant.Id, DeviceIds = { device.Id.ToString() }, RawPlist = ByteString.CopyFrom(plist),
        }).ResponseAsync);

        Assert.True(error.StatusCode == StatusCode.InvalidArgument, $"{name}: {error.Status}");
        Assert.Contains(detail, error.Status.Detail);
        Assert.Equal(before, await fixture.CountAllAsync());
    }

    [Fact]
    public async Task Bad_typed_commands_are_INVALID_ARGUMENT_and_queue_nothing()
    {
        var tenant = await fixture.CreateTenantAsync();
        var device = (await fixture.SeedDevicesAsync(tenant.Id, 1))[0];
        var before = await fixture.CountAllAsync();

        foreach (var request in new[]
        {
            new EnqueueCommandRequest(),
            new EnqueueCommandRequest { InstallProfile = new InstallProfileCommand() },
            new EnqueueCommandRequest { RemoveProfile = new RemoveProfileCommand { Identifier = " " } },
        })
        {
            request.TenantId = tenant.Id;
            request.DeviceIds.Add(device.Id.ToString());
            var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Commands.EnqueueCommandAsync(request).ResponseAsync);
            Assert.True(error.StatusCode == StatusCode.InvalidArgument, $"{request}: {error.Status}");
        }

        Assert.Equal(before, await fixture.CountAllAsync());
    }

    [Fact]
    public async Task Targets_must_be_1_to_10000_well_formed_ids()
    {
        var tenant = await fixture.CreateTenantAsync();
        var device = (await fixture.SeedDevicesAsync(tenant.Id, 1))[0];
        var before = await fixture.CountAllAsync();

        var none = await EnqueueFailureAsync(tenant.Id, []);
        var tooMany = await EnqueueFailureAsync(tenant.Id, Enumerable.Range(0, 10_001).Select(_ => Guid.NewGuid().ToString()));
        var malformed = await EnqueueFailureAsync(tenant.Id, [device.Id.ToString(), "device-7"]);

        Assert.All([none, tooMany, malformed], error => Assert.Equal(StatusCode.InvalidArgument, error.StatusCode));
        Assert.Contains("10,000", tooMany.Status.Detail);
        Assert.Contains("'device-7'", malformed.Status.Detail);
        Assert.Equal(before, await fixture.CountAllAsync());
    }

    [Fact]
    public async Task Targets_of_another_tenant_or_unknown_are_NOT_FOUND_naming_a_few_and_queue_nothing()
    {
        var tenant = await fixture.CreateTenantAsync();
        var other = await fixture.CreateTenantAsync();
        var own = (await fixture.SeedDevicesAsync(tenant.Id, 1))[0];
        var foreign = await fixture.SeedDevicesAsync(other.Id, 7);
        var user = await fixture.InTenantAsync(tenant.Id, async db =>
        {
            var channel = new EnrollmentEntity
            {
                Id = Guid.NewGuid(), TenantId = own.TenantId, ChannelId = own.ChannelId + ":U1", Kind = EnrollmentKind.User, ParentId = own.Id,
                State = EnrollmentState.Enrolled, AuthenticatedAt = DateTime.UtcNow,
            };
            db.Enrollments.Add(channel);
            await db.SaveChangesAsync();
            return channel;
        });
        var before = await fixture.CountAllAsync();

        var oneForeign = await EnqueueFailureAsync(tenant.Id, [own.Id.ToString(), foreign[0].Id.ToString()]);
        var manyForeign = await EnqueueFailureAsync(tenant.Id, foreign.Select(d => d.Id.ToString()));
        var userChannel = await EnqueueFailureAsync(tenant.Id, [user.Id.ToString()]);

        Assert.All([oneForeign, manyForeign, userChannel], error => Assert.Equal(StatusCode.NotFound, error.StatusCode));
        Assert.Contains(foreign[0].Id.ToString(), oneForeign.Status.Detail);
        Assert.DoesNotContain(own.Id.ToString(), oneForeign.Status.Detail);
        Assert.Contains("and 2 more", manyForeign.Status.Detail);
        Assert.Equal(before, await fixture.CountAllAsync());
    }

    [Fact]
    public async Task Targets_that_are_not_enrolled_are_FAILED_PRECONDITION_and_queue_nothing()
    {
        var tenant = await fixture.CreateTenantAsync();
        var devices = await fixture.SeedDevicesAsync(tenant.Id, 3, shape: (device, i) =>
            device.State = i switch { 0 => EnrollmentState.Pending, 1 => EnrollmentState.CheckedOut, _ => EnrollmentState.Enrolled });
        var before = await fixture.CountAllAsync();

        var error = await EnqueueFailureAsync(tenant.Id, devices.Select(d => d.Id.ToString()));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains($"{devices[0].Id} (Pending)", error.Status.Detail);
        Assert.Contains($"{devices[1].Id} (CheckedOut)", error.Status.Detail);
        Assert.Equal(before, await fixture.CountAllAsync());
    }

    [Fact]
    public async Task Repeated_target_is_queued_once()
    {
        var tenant = await fixture.CreateTenantAsync();
        var device = (await fixture.SeedDevicesAsync(tenant.Id, 1))[0];

        var response = await fixture.Commands.EnqueueCommandAsync(new EnqueueCommandRequest
        {
            TenantId = tenant.Id, DeviceIds = { device.Id.ToString(), device.Id.ToString().ToUpperInvariant() }, SecurityInfo = new(), NoPush = true,
        });

        Assert.Equal(1, response.DeviceCount);
        Assert.Equal(1, await fixture.InTenantAsync(tenant.Id, db => db.CommandQueue.CountAsync(q => q.CommandId == response.CommandUuid)));
    }

    [Fact]
    public async Task Device_commands_list_the_queue_first_then_answers_newest_first_with_results_and_errors_at_any_page_size()
    {
        var tenant = await fixture.CreateTenantAsync();
        var device = (await fixture.SeedDevicesAsync(tenant.Id, 1))[0];
        var information = await EnqueueAsync(tenant.Id, device, new EnqueueCommandRequest { DeviceInformation = new DeviceInformationCommand { Queries = { "DeviceName" } } });
        var security = await EnqueueAsync(tenant.Id, device, new EnqueueCommandRequest { SecurityInfo = new() });
        var profiles = await EnqueueAsync(tenant.Id, device, new EnqueueCommandRequest { ProfileList = new() });
        var restart = await EnqueueAsync(tenant.Id, device, new EnqueueCommandRequest { RestartDevice = new() });
        var deviceLock = await EnqueueAsync(tenant.Id, device, new EnqueueCommandRequest { DeviceLock = new() });

        var informationReport = DeviceReports.Acknowledged(device, information, report =>
            report.Add("QueryResponses", new PlistDictionary().Add("DeviceName", "Ärzte iPad").Add("BatteryLevel", 0.5)));
        await fixture.CompleteCommandAsync(tenant.Id, device.Id, information, CommandResultStatus.Acknowledged, informationReport);
        await fixture.CompleteCommandAsync(tenant.Id, device.Id, security, CommandResultStatus.Error,
            DeviceReports.Error(device, security, 12021, "MCMDMErrorDomain", "Not allowed"));
        await using (var scope = fixture.TenantScope(tenant.Id))
        {
            await scope.ServiceProvider.GetRequiredService<ICommandQueue>().MarkNotNowAsync(device.Id, profiles, CancellationToken.None);
        }

        await fixture.Commands.CancelCommandAsync(new CancelCommandRequest { TenantId = tenant.Id, DeviceId = device.Id.ToString(), CommandUuid = restart });

        var all = await ListAllAsync(tenant.Id, device.Id, pageSize: 0);

        Assert.Equal([profiles, deviceLock, restart, security, information], all.Select(c => c.CommandUuid));
        Assert.Equal(
            [CommandState.NotNow, CommandState.Queued, CommandState.Cancelled, CommandState.Error, CommandState.Acknowledged],
            all.Select(c => c.State));
        Assert.Equal(["ProfileList", "DeviceLock", "RestartDevice", "SecurityInfo", "DeviceInformation"], all.Select(c => c.RequestType));
        Assert.All(all, c => Assert.NotNull(c.QueuedTime));
        Assert.All(all.Take(2), c => Assert.Null(c.ResultTime));
        Assert.All(all.Skip(2), c => Assert.NotNull(c.ResultTime));
        Assert.Equal(informationReport, all[4].ResultPlist.ToByteArray());
        Assert.Equal("""{"QueryResponses":{"DeviceName":"Ärzte iPad","BatteryLevel":0.5}}""", all[4].ResultJson);
        Assert.Empty(all[3].ResultJson);
        var error = Assert.Single(all[3].Errors);
        Assert.Equal((12021L, "MCMDMErrorDomain", "Not allowed"), (error.Code, error.Domain, error.Description));
        Assert.True(all[2].ResultPlist.IsEmpty);

        foreach (var pageSize in new[] { 1, 2, 3, 5 })
        {
            Assert.Equal(all, await ListAllAsync(tenant.Id, device.Id, pageSize));
        }
    }

    [Fact]
    public async Task Listing_commands_of_another_tenants_device_is_NOT_FOUND_and_a_foreign_page_token_INVALID_ARGUMENT()
    {
        var tenant = await fixture.CreateTenantAsync();
        var other = await fixture.CreateTenantAsync();
        var foreign = (await fixture.SeedDevicesAsync(other.Id, 1))[0];
        var own = (await fixture.SeedDevicesAsync(tenant.Id, 1))[0];
        await EnqueueAsync(other.Id, foreign, new EnqueueCommandRequest { SecurityInfo = new() });

        var notFound = await Assert.ThrowsAsync<RpcException>(() => fixture.Commands.ListDeviceCommandsAsync(
            new ListDeviceCommandsRequest { TenantId = tenant.Id, DeviceId = foreign.Id.ToString() }).ResponseAsync);
        var badToken = await Assert.ThrowsAsync<RpcException>(() => fixture.Commands.ListDeviceCommandsAsync(
            new ListDeviceCommandsRequest { TenantId = tenant.Id, DeviceId = own.Id.ToString(), PageToken = "eA" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, badToken.StatusCode);
    }

    [Fact]
    public async Task Cancel_takes_a_queued_command_off_and_refuses_answered_cancelled_and_unknown_ones()
    {
        var tenant = await fixture.CreateTenantAsync();
        var device = (await fixture.SeedDevicesAsync(tenant.Id, 1))[0];
        var queued = await EnqueueAsync(tenant.Id, device, new EnqueueCommandRequest { SecurityInfo = new() });
        var answered = await EnqueueAsync(tenant.Id, device, new EnqueueCommandRequest { ProfileList = new() });
        await fixture.CompleteCommandAsync(tenant.Id, device.Id, answered, CommandResultStatus.Acknowledged, DeviceReports.Acknowledged(device, answered));

        await fixture.Commands.CancelCommandAsync(new CancelCommandRequest { TenantId = tenant.Id, DeviceId = device.Id.ToString(), CommandUuid = queued });
        var before = await fixture.CountAllAsync();

        var again = await CancelFailureAsync(tenant.Id, device.Id, queued);
        var afterAnswer = await CancelFailureAsync(tenant.Id, device.Id, answered);
        var unknown = await CancelFailureAsync(tenant.Id, device.Id, Guid.NewGuid().ToString());
        var empty = await CancelFailureAsync(tenant.Id, device.Id, "");

        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Contains("already cancelled", again.Status.Detail);
        Assert.Equal(StatusCode.FailedPrecondition, afterAnswer.StatusCode);
        Assert.Contains("already answered", afterAnswer.Status.Detail);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, empty.StatusCode);
        Assert.Equal(before, await fixture.CountAllAsync());
        var listed = await ListAllAsync(tenant.Id, device.Id, 0);
        Assert.Equal([CommandState.Cancelled, CommandState.Acknowledged], listed.Select(c => c.State));
    }

    [Fact]
    public async Task Cancelling_another_tenants_command_is_NOT_FOUND_and_it_stays_queued()
    {
        var tenant = await fixture.CreateTenantAsync();
        var other = await fixture.CreateTenantAsync();
        var foreign = (await fixture.SeedDevicesAsync(other.Id, 1))[0];
        var own = (await fixture.SeedDevicesAsync(tenant.Id, 1))[0];
        var command = await EnqueueAsync(other.Id, foreign, new EnqueueCommandRequest { SecurityInfo = new() });
        var before = await fixture.CountAllAsync();

        var viaForeignDevice = await CancelFailureAsync(tenant.Id, foreign.Id, command);
        var viaOwnDevice = await CancelFailureAsync(tenant.Id, own.Id, command);

        Assert.Equal(StatusCode.NotFound, viaForeignDevice.StatusCode);
        Assert.Equal(StatusCode.NotFound, viaOwnDevice.StatusCode);
        Assert.Equal(before, await fixture.CountAllAsync());
        Assert.Equal(CommandState.Queued, Assert.Single(await ListAllAsync(other.Id, foreign.Id, 0)).State);
    }

    [Fact]
    public async Task Bulk_enqueue_to_10000_devices_stores_one_command_and_10000_queue_rows()
    {
        var tenant = await fixture.CreateTenantAsync();
        var devices = await fixture.SeedDevicesAsync(tenant.Id, 10_000);
        var request = new EnqueueCommandRequest { TenantId = tenant.Id, SecurityInfo = new(), NoPush = true };
        request.DeviceIds.AddRange(devices.Select(d => d.Id.ToString()));

        // Apple's schema is loaded on first use; warm it so only the bulk path is timed.
        await fixture.Commands.EnqueueCommandAsync(new EnqueueCommandRequest { TenantId = tenant.Id, DeviceIds = { devices[0].Id.ToString() }, SecurityInfo = new(), NoPush = true });
        var watch = Stopwatch.StartNew();
        var response = await fixture.Commands.EnqueueCommandAsync(request);
        watch.Stop();
        output.WriteLine($"{TProvider.Provider}: EnqueueCommand to 10,000 devices took {watch.ElapsedMilliseconds} ms");

        Assert.Equal(10_000, response.DeviceCount);
        await fixture.InTenantAsync(tenant.Id, async db =>
        {
            Assert.Equal(1, await db.Commands.CountAsync(c => c.Id == response.CommandUuid));
            Assert.Equal(10_000, await db.CommandQueue.CountAsync(q => q.CommandId == response.CommandUuid));
            var sample = devices[^1].Id;
            var row = await db.CommandQueue.SingleAsync(q => q.CommandId == response.CommandUuid && q.EnrollmentId == sample);
            Assert.Equal((QueuedCommandStatus.Pending, 0, Guid.Parse(tenant.Id)), (row.Status, row.NotNowCount, row.TenantId));
            Assert.InRange(row.QueuedAt, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow);
            // The rows are read back by the queue exactly as the device side reads them.
            await using var scope = fixture.TenantScope(tenant.Id);
            var next = await scope.ServiceProvider.GetRequiredService<ICommandQueue>().NextAsync(sample, includeNotNow: true, CancellationToken.None);
            Assert.Equal(response.CommandUuid, next?.Id);
        });
    }

    private static EnqueueCommandRequest Typed(string requestType) => requestType switch
    {
        "DeviceInformation" => new EnqueueCommandRequest { DeviceInformation = new() },
        "SecurityInfo" => new EnqueueCommandRequest { SecurityInfo = new() },
        "ProfileList" => new EnqueueCommandRequest { ProfileList = new() },
        "InstallProfile" => new EnqueueCommandRequest
        {
            InstallProfile = new InstallProfileCommand { Payload = ByteString.CopyFrom(PlistWriter.WriteXml(new PlistDictionary().Add("PayloadType", "Configuration"))) },
        },
        "RemoveProfile" => new EnqueueCommandRequest { RemoveProfile = new RemoveProfileCommand { Identifier = "com.example.wifi" } },
        "InstalledApplicationList" => new EnqueueCommandRequest
        {
            InstalledApplicationList = new InstalledApplicationListCommand { Identifiers = { "com.example.app" }, ManagedAppsOnly = true },
        },
        "CertificateList" => new EnqueueCommandRequest { CertificateList = new() },
        "DeviceLock" => new EnqueueCommandRequest { DeviceLock = new DeviceLockCommand { Message = "Lost" } },
        "EraseDevice" => new EnqueueCommandRequest { EraseDevice = new EraseDeviceCommand { Pin = "123456", PreserveDataPlan = true } },
        "RestartDevice" => new EnqueueCommandRequest { RestartDevice = new RestartDeviceCommand { NotifyUser = true } },
        "ShutDownDevice" => new EnqueueCommandRequest { ShutDownDevice = new() },
        _ => throw new ArgumentOutOfRangeException(nameof(requestType)),
    };

    private static PlistDictionary Nested(int depth)
    {
        var root = new PlistDictionary().Add("RequestType", "Settings");
        var current = root;
        for (var i = 0; i < depth; i++)
        {
            var child = new PlistDictionary();
            current.Add("Level", child);
            current = child;
        }

        return root;
    }

    private Task<CommandRequest> StoredCommandAsync(string tenantId, string commandUuid) =>
        fixture.InTenantAsync(tenantId, async db =>
            CommandRequest.Parse(PlistReader.Read((await db.Commands.SingleAsync(c => c.Id == commandUuid)).Plist)));

    private async Task<string> EnqueueAsync(string tenantId, EnrollmentEntity device, EnqueueCommandRequest request)
    {
        request.TenantId = tenantId;
        request.DeviceIds.Add(device.Id.ToString());
        request.NoPush = true;
        return (await fixture.Commands.EnqueueCommandAsync(request)).CommandUuid;
    }

    private Task<RpcException> EnqueueFailureAsync(string tenantId, IEnumerable<string> deviceIds)
    {
        var request = new EnqueueCommandRequest { TenantId = tenantId, SecurityInfo = new(), NoPush = true };
        request.DeviceIds.AddRange(deviceIds);
        return Assert.ThrowsAsync<RpcException>(() => fixture.Commands.EnqueueCommandAsync(request).ResponseAsync);
    }

    private Task<RpcException> CancelFailureAsync(string tenantId, Guid deviceId, string commandUuid) =>
        Assert.ThrowsAsync<RpcException>(() => fixture.Commands.CancelCommandAsync(
            new CancelCommandRequest { TenantId = tenantId, DeviceId = deviceId.ToString(), CommandUuid = commandUuid }).ResponseAsync);

    private async Task<List<DeviceCommand>> ListAllAsync(string tenantId, Guid deviceId, int pageSize)
    {
        var request = new ListDeviceCommandsRequest { TenantId = tenantId, DeviceId = deviceId.ToString(), PageSize = pageSize };
        var commands = new List<DeviceCommand>();
        do
        {
            var page = await fixture.Commands.ListDeviceCommandsAsync(request);
            Assert.True(pageSize == 0 || page.Commands.Count <= pageSize);
            commands.AddRange(page.Commands);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return commands;
    }
}
