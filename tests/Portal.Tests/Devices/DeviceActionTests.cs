using System.Net;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Portal.Tests.Devices;

/// <summary>The detail page's actions: each queues its command through Core, confirmations guard the destructive ones, and roles decide.</summary>
[Collection(DevicePagesCollection.Name)]
public sealed class DeviceActionTests(DevicePortalFixture fixture)
{
    [Theory]
    [InlineData("lock", "DeviceLock")]
    [InlineData("restart", "RestartDevice")]
    [InlineData("shut-down", "ShutDownDevice")]
    public async Task An_everyday_action_queues_its_command_and_redirects_with_a_notice(string action, string requestType)
    {
        var device = await OneDeviceAsync();

        var response = await PostActionAsync(fixture.HelpDesk, device, new() { ["Form.Action"] = action });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith($"?done={action}", response.Headers.Location!.ToString());
        Assert.Equal([requestType], (await fixture.CommandsOfAsync(device)).Select(c => c.RequestType));
        var (_, page) = await fixture.HelpDesk.GetAsync(response.Headers.Location.ToString());
        Assert.Contains("data-notice", page);
    }

    [Fact]
    public async Task Lock_carries_the_message_and_phone_number()
    {
        var device = await OneDeviceAsync();

        await PostActionAsync(fixture.Admin, device, new() { ["Form.Action"] = "lock", ["Form.LockMessage"] = "Return to IT", ["Form.LockPhone"] = "+1 555 0100" });

        var command = Assert.Single(await fixture.CommandsOfAsync(device));
        Assert.Equal("DeviceLock", command.RequestType);
        var plist = await fixture.CommandPlistAsync(command.CommandUuid);
        Assert.Contains("<string>Return to IT</string>", plist);
        Assert.Contains("<string>+1 555 0100</string>", plist);
    }

    [Fact]
    public async Task Refresh_inventory_queues_the_four_queries()
    {
        var device = await OneDeviceAsync();

        await PostActionAsync(fixture.HelpDesk, device, new() { ["Form.Action"] = "refresh" });

        Assert.Equal(
            ["DeviceInformation", "InstalledApplicationList", "ProfileList", "SecurityInfo"],
            (await fixture.CommandsOfAsync(device)).Select(c => c.RequestType).Order());
    }

    [Fact]
    public async Task Erase_needs_the_device_name_or_serial_typed()
    {
        var device = await OneDeviceAsync();

        var wrong = await PostActionAsync(fixture.Admin, device, new() { ["Form.Action"] = "erase", ["Form.EraseConfirmation"] = "yes please" });

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Nothing was erased", await wrong.Content.ReadAsStringAsync());
        Assert.Empty(await fixture.CommandsOfAsync(device));

        var right = await PostActionAsync(fixture.Admin, device, new() { ["Form.Action"] = "erase", ["Form.EraseConfirmation"] = device.SerialNumber!.ToLowerInvariant() });

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(["EraseDevice"], (await fixture.CommandsOfAsync(device)).Select(c => c.RequestType));
    }

    [Fact]
    public async Task Clear_passcode_queues_for_a_device_with_an_unlock_token_and_shows_Cores_refusal_otherwise()
    {
        var devices = await fixture.SeedDevicesAsync("passcode", 2, (device, i) =>
        {
            if (i == 0)
            {
                fixture.GiveUnlockToken(device);
            }
        });

        var cleared = await PostActionAsync(fixture.Admin, devices[0], new() { ["Form.Action"] = "clear-passcode" });
        var refused = await PostActionAsync(fixture.Admin, devices[1], new() { ["Form.Action"] = "clear-passcode" });

        Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        Assert.Equal(["ClearPasscode"], (await fixture.CommandsOfAsync(devices[0])).Select(c => c.RequestType));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("unlock token", await refused.Content.ReadAsStringAsync());
        Assert.Empty(await fixture.CommandsOfAsync(devices[1]));
    }

    [Fact]
    public async Task Remove_management_needs_the_box_ticked_and_then_removes_the_enrollment_profile()
    {
        var device = await OneDeviceAsync();

        var unticked = await PostActionAsync(fixture.Admin, device, new() { ["Form.Action"] = "remove-management" });
        Assert.Contains("Nothing was removed", await unticked.Content.ReadAsStringAsync());
        Assert.Empty(await fixture.CommandsOfAsync(device));

        var ticked = await PostActionAsync(fixture.Admin, device, new() { ["Form.Action"] = "remove-management", ["Form.ConfirmRemoveManagement"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, ticked.StatusCode);
        var command = Assert.Single(await fixture.CommandsOfAsync(device));
        Assert.Equal("RemoveProfile", command.RequestType);
    }

    [Fact]
    public async Task Removing_the_device_record_needs_the_box_ticked_then_the_device_is_gone()
    {
        var device = await OneDeviceAsync();

        var unticked = await PostActionAsync(fixture.Admin, device, new() { ["Form.Action"] = "remove-record" });
        Assert.Contains("The device was kept", await unticked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await fixture.Admin.GetAsync(PathOf(device))).Status);

        var ticked = await PostActionAsync(fixture.Admin, device, new() { ["Form.Action"] = "remove-record", ["Form.ConfirmRemoveRecord"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, ticked.StatusCode);
        Assert.Contains(fixture.DevicesPath + "?removed=", ticked.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Admin.GetAsync(PathOf(device))).Status);
    }

    [Fact]
    public async Task Push_without_a_push_certificate_shows_Cores_refusal()
    {
        var device = await OneDeviceAsync();

        var response = await PostActionAsync(fixture.HelpDesk, device, new() { ["Form.Action"] = "push" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no push certificate", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Read_only_sees_no_action_forms_and_its_forged_posts_queue_nothing()
    {
        var device = await OneDeviceAsync();

        var html = (await fixture.ReadOnly.GetAsync(PathOf(device))).Html;
        var forgedLock = await PostActionAsync(fixture.ReadOnly, device, new() { ["Form.Action"] = "lock" });
        var forgedErase = await PostActionAsync(fixture.ReadOnly, device, new() { ["Form.Action"] = "erase", ["Form.EraseConfirmation"] = device.SerialNumber! });

        Assert.DoesNotContain("data-form=", html);
        Assert.DoesNotContain("data-action=", html);
        // The portal accepts no form the page did not offer; Core would refuse the command anyway.
        Assert.Equal(HttpStatusCode.BadRequest, forgedLock.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forgedErase.StatusCode);
        Assert.Empty(await fixture.CommandsOfAsync(device));
    }

    [Fact]
    public async Task Help_desk_sees_only_everyday_actions_and_a_forged_erase_is_refused_by_Core()
    {
        var device = await OneDeviceAsync();

        var html = (await fixture.HelpDesk.GetAsync(PathOf(device))).Html;
        var forged = await PostActionAsync(fixture.HelpDesk, device, new() { ["Form.Action"] = "erase", ["Form.EraseConfirmation"] = device.SerialNumber! });

        Assert.Contains("data-action=\"lock\"", html);
        Assert.DoesNotContain("data-action=\"erase\"", html);
        Assert.DoesNotContain("data-action=\"clear-passcode\"", html);
        Assert.DoesNotContain("data-action=\"remove-management\"", html);
        Assert.DoesNotContain("data-action=\"remove-record\"", html);
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("Your role in this tenant does not allow this.", await forged.Content.ReadAsStringAsync());
        Assert.Empty(await fixture.CommandsOfAsync(device));
    }

    [Fact]
    public async Task Admin_sees_the_destructive_actions()
    {
        var device = await OneDeviceAsync();

        var html = (await fixture.Admin.GetAsync(PathOf(device))).Html;

        Assert.Contains("data-action=\"erase\"", html);
        Assert.Contains("data-action=\"clear-passcode\"", html);
        Assert.Contains("data-action=\"remove-management\"", html);
        Assert.Contains("data-action=\"remove-record\"", html);
        Assert.Contains("for=\"erase-confirmation\"", html);
    }

    private async Task<EnrollmentEntity> OneDeviceAsync() => (await fixture.SeedDevicesAsync("acted-on", 1))[0];

    private string PathOf(EnrollmentEntity device) => $"{fixture.DevicesPath}/{device.Id}";

    private Task<HttpResponseMessage> PostActionAsync(PortalHttpSession session, EnrollmentEntity device, Dictionary<string, string> fields) =>
        session.PostFormAsync(PathOf(device), "device-action", fields);
}
