using Microsoft.Playwright;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Portal.BrowserTests.Infrastructure;
using TenantRole = SaaSMdm.Core.Data.Entities.TenantRole;

namespace SaaSMdm.Portal.BrowserTests;

/// <summary>The device pages in Chromium against simulated devices that keep checking in.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DeviceFlowTests(BrowserSystem system)
{
    [Fact]
    public async Task An_admin_sees_the_enrolled_devices_locks_one_and_sees_the_lock_acknowledged()
    {
        var tenant = await system.CreateTenantAsync("lock");
        await using var fleet = await system.EnrollFleetAsync(tenant, count: 3);
        var admin = await system.CreatePersonAsync(tenant, TenantRole.Admin);

        await system.InBrowserAsync(async (page, screens) =>
        {
            await BrowserSystem.SignInAsync(page, screens, admin);
            await screens.CaptureAsync(page, "dashboard");
            await Assertions.Expect(page.Locator("[data-tile=devices] .portal-tile-value")).ToHaveTextAsync("3");

            await page.GetByRole(AriaRole.Link, new() { Name = "Devices", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("tr[data-device]")).ToHaveCountAsync(3);
            await screens.CaptureAsync(page, "device-list");

            var target = fleet.Devices[0].Facts;
            await page.GetByLabel("Name or serial").FillAsync(target.SerialNumber);
            await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
            await Assertions.Expect(page.Locator("tr[data-device]")).ToHaveCountAsync(1);
            await page.Locator("tr[data-device] a").First.ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await screens.CaptureAsync(page, "device-detail");

            await page.GetByLabel("Lock screen message (optional)").FillAsync("Found? Call the IT desk.");
            await page.GetByLabel("Phone number (optional)").FillAsync("+1 555 0100");
            await page.Locator("button[data-action=lock]").ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert).Or(page.GetByRole(AriaRole.Status)).First).ToBeVisibleAsync();
            await screens.CaptureAsync(page, "lock-queued");

            await page.Locator("a[data-tab=commands]").ClickAsync();
            var lockRow = page.Locator("tr[data-request-type=DeviceLock]");
            await Eventually.ReloadUntilAsync(
                page, async () => await lockRow.CountAsync() > 0 && await lockRow.First.GetAttributeAsync("data-state") == "Acknowledged",
                TimeSpan.FromSeconds(60), "the lock acknowledged");
            await screens.CaptureAsync(page, "lock-acknowledged");
        });
    }

    [Fact]
    public async Task A_read_only_person_sees_devices_but_no_erase_or_any_other_action()
    {
        var tenant = await system.CreateTenantAsync("readonly");
        await using var fleet = await system.EnrollFleetAsync(tenant, count: 1);
        var reader = await system.CreatePersonAsync(tenant, TenantRole.ReadOnly);

        await system.InBrowserAsync(async (page, screens) =>
        {
            await BrowserSystem.SignInAsync(page, screens, reader);
            await page.GotoAsync($"/t/{tenant.Slug}/devices");
            await Assertions.Expect(page.Locator("tr[data-device]")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("form[data-form=bulk-action]")).ToHaveCountAsync(0);

            await page.Locator("tr[data-device] a").First.ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Erase" })).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("form[data-form=device-action]")).ToHaveCountAsync(0);
            await screens.CaptureAsync(page, "read-only-device");
        });

        var commands = new Commands.CommandsClient(system.Api.CreateCallInvoker());
        var devices = await new Devices.DevicesClient(system.Api.CreateCallInvoker()).ListDevicesAsync(new ListDevicesRequest { TenantId = tenant.Id });
        var history = await commands.ListDeviceCommandsAsync(new ListDeviceCommandsRequest { TenantId = tenant.Id, DeviceId = devices.Devices.Single().Id });
        Assert.DoesNotContain(history.Commands, c => c.RequestType is "EraseDevice" or "DeviceLock");
    }
}
