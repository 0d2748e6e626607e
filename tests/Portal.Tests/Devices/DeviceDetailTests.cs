using System.Net;
using SaaSMdm.Contracts.V1;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Portal.Tests.Devices;

/// <summary>The device detail page: header, inventory read from the device's answers, profiles, apps, commands and declarations.</summary>
[Collection(DevicePagesCollection.Name)]
public sealed class DeviceDetailTests(DevicePortalFixture fixture)
{
    [Fact]
    public async Task Header_and_inventory_show_what_the_device_reported()
    {
        var device = (await fixture.SeedDevicesAsync("inventoried", 1))[0];
        await fixture.AddInventoryAsync(device, new Dictionary<string, string>
        {
            ["DeviceInformation"] = """{"QueryResponses":{"ModelName":"iPhone","OSVersion":"17.4.1","BuildVersion":"21E236","SupplementalBuildVersion":"21E237","DeviceCapacity":128.0,"AvailableDeviceCapacity":32.0,"BatteryLevel":0.82,"WiFiMAC":"a4:83:e7:00:11:22","IsActivationLockEnabled":true,"IsSupervised":"not a bool but shown"}}""",
            ["SecurityInfo"] = """{"SecurityInfo":{"PasscodePresent":true,"PasscodeCompliant":false,"HardwareEncryptionCaps":3,"FirewallSettings":{"FirewallEnabled":true}}}""",
            ["ProfileList"] = """{"ProfileList":[{"PayloadIdentifier":"com.example.wifi","PayloadDisplayName":"Office Wi-Fi","PayloadOrganization":"Example","IsManaged":true},{"no identifier":1},"not a dictionary"]}""",
            ["InstalledApplicationList"] = """{"InstalledApplicationList":[{"Name":"Keynote","Identifier":"com.apple.Keynote","ShortVersion":"14.0","BundleSize":500000000,"DynamicSize":12000000}]}""",
        });
        var path = $"{fixture.DevicesPath}/{device.Id}";

        var (status, overview) = await fixture.ReadOnly.GetAsync(path);
        var inventory = (await fixture.ReadOnly.GetAsync(path + "?tab=inventory")).Html;
        var profiles = (await fixture.ReadOnly.GetAsync(path + "?tab=profiles")).Html;
        var apps = (await fixture.ReadOnly.GetAsync(path + "?tab=apps")).Html;

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("inventoried 0</h1>", overview);
        Assert.Contains($"data-fact=\"serial\">{device.SerialNumber}<", overview);
        Assert.Contains("data-fact=\"os\">17.4.1 (21E236)<", overview);
        Assert.Contains("data-fact=\"platform\">iOS<", overview);
        Assert.Contains("data-fact=\"state\">Enrolled<", overview);
        Assert.Contains("data-fact=\"push\">Reachable<", overview);
        Assert.Contains("data-inventory=\"DeviceCapacity\">128 GB<", inventory);
        Assert.Contains("data-inventory=\"AvailableDeviceCapacity\">32 GB<", inventory);
        Assert.Contains("data-inventory=\"UsedCapacity\">75%<", inventory);
        Assert.Contains("data-inventory=\"BatteryLevel\">82%<", inventory);
        Assert.Contains("data-inventory=\"WiFiMAC\">a4:83:e7:00:11:22<", inventory);
        Assert.Contains("data-inventory=\"SupplementalBuildVersion\">21E237<", inventory);
        Assert.Contains("data-inventory=\"PasscodePresent\">Yes<", inventory);
        Assert.Contains("data-inventory=\"PasscodeCompliant\">No<", inventory);
        Assert.Contains("data-inventory=\"HardwareEncryptionCaps\">Block and file level<", inventory);
        Assert.Contains("data-inventory=\"FirewallSettings.FirewallEnabled\">Yes<", inventory);
        Assert.Contains("data-inventory=\"IsActivationLockEnabled\">Yes<", inventory);
        Assert.Contains("data-profile=\"com.example.wifi\"", profiles);
        Assert.Contains("Office Wi-Fi", profiles);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(profiles, "data-profile="));
        Assert.Contains("data-app=\"com.apple.Keynote\"", apps);
        Assert.Contains("512 MB", apps);
    }

    [Fact]
    public async Task Malformed_inventory_is_left_out_and_the_page_still_renders()
    {
        var device = (await fixture.SeedDevicesAsync("garbled", 1))[0];
        await fixture.AddInventoryAsync(device, new Dictionary<string, string>
        {
            ["DeviceInformation"] = "{not json",
            ["SecurityInfo"] = """{"SecurityInfo":[1,2,3]}""",
            ["ProfileList"] = """{"ProfileList":{"not":"a list"}}""",
        });

        var (status, html) = await fixture.Admin.GetAsync($"{fixture.DevicesPath}/{device.Id}?tab=inventory");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("has not reported its inventory yet", html);
    }

    [Fact]
    public async Task Command_history_lists_queued_commands_and_declarations_tab_renders()
    {
        var device = (await fixture.SeedDevicesAsync("historic", 1))[0];
        await fixture.Commands.EnqueueCommandAsync(new() { TenantId = fixture.Tenant.Id, DeviceIds = { device.Id.ToString() }, SecurityInfo = new(), NoPush = true });

        var commands = (await fixture.ReadOnly.GetAsync($"{fixture.DevicesPath}/{device.Id}?tab=commands")).Html;
        var (status, declarations) = await fixture.ReadOnly.GetAsync($"{fixture.DevicesPath}/{device.Id}?tab=declarations");

        Assert.Contains("data-request-type=\"SecurityInfo\" data-state=\"Queued\"", commands);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Latest status report", declarations);
        Assert.Contains("has not sent a status report yet", declarations);
    }

    [Fact]
    public async Task Declarations_tab_shows_the_declarations_a_set_brings_and_their_pending_state()
    {
        var device = (await fixture.SeedDevicesAsync("declared", 1))[0];
        var declarations = new SaaSMdm.Contracts.V1.Declarations.DeclarationsClient(fixture.Core.Channel.CreateCallInvoker());
        await declarations.PutDeclarationAsync(new PutDeclarationRequest
        {
            TenantId = fixture.Tenant.Id, Identifier = "portal.passcode", Type = "com.apple.configuration.passcode.settings", PayloadJson = """{"RequirePasscode":true}""", DeferSync = true,
        });
        var set = await declarations.CreateSetAsync(new CreateSetRequest { TenantId = fixture.Tenant.Id, Name = "Passcode set" });
        await declarations.SetSetDeclarationsAsync(new SetDeclarationsRequest { TenantId = fixture.Tenant.Id, SetId = set.Id, Identifiers = { "portal.passcode" }, DeferSync = true });
        await declarations.AssignSetAsync(new AssignSetRequest { TenantId = fixture.Tenant.Id, SetId = set.Id, DeviceIds = { device.Id.ToString() }, DeferSync = true });

        var html = (await fixture.ReadOnly.GetAsync($"{fixture.DevicesPath}/{device.Id}?tab=declarations")).Html;

        Assert.Contains("<tr data-declaration=\"portal.passcode\"", html);
        Assert.Contains("Passcode set", html);
        Assert.Contains("<td>Pending</td>", html);
    }

    [Fact]
    public async Task Another_tenants_device_and_a_malformed_id_are_not_found()
    {
        var foreign = (await fixture.SeedDevicesAsync("foreign", 1, tenantId: fixture.OtherTenant.Id))[0];

        var (status, html) = await fixture.Admin.GetAsync($"{fixture.DevicesPath}/{foreign.Id}");
        var (malformed, _) = await fixture.Admin.GetAsync($"{fixture.DevicesPath}/not-a-device");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain("foreign 0", html);
        Assert.Equal(HttpStatusCode.NotFound, malformed);
    }

    [Fact]
    public async Task Overview_shows_the_device_identity()
    {
        var device = (await fixture.SeedDevicesAsync("identified", 1))[0];

        var html = (await fixture.ReadOnly.GetAsync($"{fixture.DevicesPath}/{device.Id}")).Html;

        Assert.Contains($"<code>{device.Udid}</code>", html);
    }
}
