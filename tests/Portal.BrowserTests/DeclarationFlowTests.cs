using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Portal.BrowserTests.Infrastructure;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Portal.BrowserTests;

/// <summary>An admin writes declarations in the generated form, puts them in a set, assigns it, and sees simulated devices report them active.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DeclarationFlowTests(BrowserSystem system)
{
    private const string Configuration = "com.example.browser.echo";
    private const string Activation = "com.example.browser.activation";

    private static readonly TimeSpan ReportTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_declaration_made_in_the_portal_and_assigned_becomes_active_on_simulated_devices()
    {
        var tenant = await system.CreateTenantAsync("decl");
        await using var fleet = await system.EnrollFleetAsync(tenant, count: 2);
        var admin = await system.CreatePersonAsync(tenant, TenantRole.Admin);

        await system.InBrowserAsync(async (page, screens) =>
        {
            await BrowserSystem.SignInAsync(page, screens, admin);

            await page.GotoAsync($"/t/{tenant.Slug}/declarations/new?type=com.apple.configuration.management.test");
            await page.GetByLabel("Identifier").FillAsync(Configuration);
            await page.Locator("#field-Echo").FillAsync("hello from the portal");
            await screens.CaptureAsync(page, "configuration-form");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(new Regex("saved=1"));

            await page.GotoAsync($"/t/{tenant.Slug}/declarations/new?type=com.apple.activation.simple");
            await page.GetByLabel("Identifier").FillAsync(Activation);
            await page.Locator("#field-StandardConfigurations").FillAsync(Configuration);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(new Regex("saved=1"));

            await page.GotoAsync($"/t/{tenant.Slug}/declarations/sets");
            await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Browser set");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create set" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Browser set");
            await page.GetByLabel(new Regex("^" + Regex.Escape(Configuration))).CheckAsync();
            await page.GetByLabel(new Regex("^" + Regex.Escape(Activation))).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save members" }).ClickAsync();
            foreach (var device in fleet.Devices)
            {
                await page.Locator($"input[name=device][value='{await DeviceIdAsync(tenant, device.Facts.Udid)}']").CheckAsync();
            }

            await screens.CaptureAsync(page, "set-assignment");
            await page.GetByRole(AriaRole.Button, new() { Name = "Assign to selected devices" }).ClickAsync();

            await page.GotoAsync($"/t/{tenant.Slug}/declarations");
            var active = page.Locator($"tr[data-declaration='{Configuration}'] td[data-active]");
            await Eventually.ReloadUntilAsync(page, async () => await active.InnerTextAsync() == "2", ReportTimeout, "both devices active");
            await screens.CaptureAsync(page, "declarations-active");

            await page.GetByRole(AriaRole.Link, new() { Name = Configuration }).ClickAsync();
            await Assertions.Expect(page.Locator("dd[data-active]")).ToHaveTextAsync("2");
            await screens.CaptureAsync(page, "declaration-editor");
        });
    }

    private async Task<string> DeviceIdAsync(TestTenant tenant, string udid)
    {
        var devices = new Contracts.V1.Devices.DevicesClient(system.Api.CreateCallInvoker());
        var listed = await devices.ListDevicesAsync(new Contracts.V1.ListDevicesRequest { TenantId = tenant.Id, Query = "" });
        return listed.Devices.Single(d => d.Udid == udid).Id;
    }
}
