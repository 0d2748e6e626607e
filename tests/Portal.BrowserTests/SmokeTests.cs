using Microsoft.Playwright;
using Xunit.Abstractions;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Portal.BrowserTests.Infrastructure;

namespace SaaSMdm.Portal.BrowserTests;

/// <summary>The browser, the hosts and the simulated devices work together; the portal's features are tested elsewhere.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SmokeTests(BrowserSystem system, ITestOutputHelper output)
{
    private static readonly TimeSpan AcknowledgementTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public Task The_portal_root_renders_in_chromium_with_every_asset_it_asks_for() => system.InBrowserAsync(async (page, screens) =>
    {
        var failedAssets = new List<string>();
        page.RequestFailed += (_, request) => failedAssets.Add($"{request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failedAssets.Add($"{response.Url} ({response.Status})");
            }
        };

        var response = await page.GotoAsync("/", new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        await screens.CaptureAsync(page, "root");

        Assert.NotNull(response);
        Assert.True(response.Ok, $"GET / ended with HTTP {response.Status} at {response.Url}");
        Assert.StartsWith(system.Portal.Address.ToString(), page.Url);
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("body").InnerTextAsync()), "The page has no visible text.");
        Assert.Empty(failedAssets);
        output.WriteLine("Startup: " + string.Join(", ", system.StartupTimings.Select(t => $"{t.Key} {t.Value.TotalMilliseconds:0} ms")));
    });

    [Fact]
    public async Task A_simulated_device_enrolls_and_acknowledges_a_queued_command_while_polling()
    {
        var tenant = await system.CreateTenantAsync("fleet");
        await using var fleet = await system.EnrollFleetAsync(tenant, count: 2);
        var devices = new Devices.DevicesClient(system.Api.CreateCallInvoker());
        var commands = new Commands.CommandsClient(system.Api.CreateCallInvoker());

        var listed = await devices.ListDevicesAsync(new ListDevicesRequest { TenantId = tenant.Id });
        Assert.Equal(fleet.Devices.Select(d => d.Facts.Udid).Order(), listed.Devices.Select(d => d.Udid).Order());
        Assert.All(listed.Devices, device => Assert.Equal(EnrollmentState.Enrolled, device.State));

        var target = listed.Devices[0];
        var enqueued = await commands.EnqueueCommandAsync(new EnqueueCommandRequest
        {
            TenantId = tenant.Id,
            DeviceIds = { target.Id },
            DeviceInformation = new DeviceInformationCommand { Queries = { "DeviceName", "SerialNumber" } },
        });

        var answered = await Eventually.ReturnsAsync(
            async () => (await commands.ListDeviceCommandsAsync(new ListDeviceCommandsRequest { TenantId = tenant.Id, DeviceId = target.Id }))
                .Commands.SingleOrDefault(c => c.CommandUuid == enqueued.CommandUuid && c.State == CommandState.Acknowledged),
            AcknowledgementTimeout);
        Assert.Contains(target.SerialNumber, answered.ResultJson);
        Assert.Empty(fleet.Failures);
    }
}
