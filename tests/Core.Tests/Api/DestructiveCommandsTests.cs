using System.Text;
using Google.Protobuf;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Identity;
using SaaSMdm.Core.Tests.Api.Audit;
using SaaSMdm.Rpc;
using SaaSMdm.TestHosts;
using CommandsClient = SaaSMdm.Contracts.V1.Commands.CommandsClient;

namespace SaaSMdm.Core.Tests.Api;

/// <summary>
/// commands:write allows the everyday commands; any other (one that changes or removes what is on the device) also
/// needs commands:destructive, whichever way the command is written (typed or raw plist), and a refused one queues nothing.
/// </summary>
public sealed class DestructiveCommandsTests(ApiFixture<OnSqlite> fixture) : IClassFixture<ApiFixture<OnSqlite>>
{
    private static readonly string[] HelpDeskScopes = [ApiScopes.CommandsRead, ApiScopes.CommandsWrite];

    [Fact]
    public async Task Help_desk_scopes_lock_and_restart_but_cannot_erase_or_remove_a_profile()
    {
        var tenant = await fixture.CreateTenantAsync();
        var device = (await fixture.SeedDevicesAsync(tenant.Id, 1))[0].Id.ToString();
        using var helpDesk = await TestApiClient.CreateAsync(fixture.Host, tenant.Id, HelpDeskScopes);
        var commands = new CommandsClient(helpDesk.Channel.CreateCallInvoker());

        await commands.EnqueueCommandAsync(new EnqueueCommandRequest { TenantId = tenant.Id, DeviceIds = { device }, DeviceLock = new DeviceLockCommand { Message = "Lost" }, NoPush = true });
        await commands.EnqueueCommandAsync(new EnqueueCommandRequest { TenantId = tenant.Id, DeviceIds = { device }, RestartDevice = new RestartDeviceCommand(), NoPush = true });

        var refused = new[]
        {
            new EnqueueCommandRequest { EraseDevice = new EraseDeviceCommand() },
            new EnqueueCommandRequest { RemoveProfile = new RemoveProfileCommand { Identifier = "com.example.wifi" } },
            new EnqueueCommandRequest { RawPlist = Plist("<key>RequestType</key><string>ClearPasscode</string><key>UnlockToken</key><data>AAEC</data>") },
            new EnqueueCommandRequest { RawPlist = Plist("<key>RequestType</key><string>EnableLostMode</string><key>Message</key><string>Call IT</string>") },
            new EnqueueCommandRequest { InstallProfile = new InstallProfileCommand { Payload = ByteString.CopyFromUtf8("not checked before the scope") } },
        };
        foreach (var request in refused)
        {
            request.TenantId = tenant.Id;
            request.DeviceIds.Add(device);
            request.NoPush = true;
            var error = await Assert.ThrowsAsync<RpcException>(() => commands.EnqueueCommandAsync(request).ResponseAsync);
            Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
            Assert.Contains(ApiScopes.CommandsDestructive, error.Status.Detail, StringComparison.Ordinal);
        }

        var history = await commands.ListDeviceCommandsAsync(new ListDeviceCommandsRequest { TenantId = tenant.Id, DeviceId = device });
        Assert.Equal(["DeviceLock", "RestartDevice"], history.Commands.Select(command => command.RequestType));
    }

    [Fact]
    public async Task With_commands_destructive_an_erase_is_queued()
    {
        var tenant = await fixture.CreateTenantAsync();
        var device = (await fixture.SeedDevicesAsync(tenant.Id, 1))[0].Id.ToString();
        using var admin = await TestApiClient.CreateAsync(fixture.Host, tenant.Id, [.. HelpDeskScopes, ApiScopes.CommandsDestructive]);

        var queued = await new CommandsClient(admin.Channel.CreateCallInvoker()).EnqueueCommandAsync(
            new EnqueueCommandRequest { TenantId = tenant.Id, DeviceIds = { device }, EraseDevice = new EraseDeviceCommand(), NoPush = true });

        Assert.Equal("EraseDevice", queued.RequestType);
        Assert.Equal(1, queued.DeviceCount);
    }

    private static ByteString Plist(string body) => ByteString.CopyFrom(Encoding.UTF8.GetBytes(
        $"""<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd"><plist version="1.0"><dict>{body}</dict></plist>"""));
}
