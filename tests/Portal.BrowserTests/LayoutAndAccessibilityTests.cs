using Microsoft.Playwright;
using SaaSMdm.Portal.BrowserTests.Infrastructure;
using TenantRole = SaaSMdm.Core.Data.Entities.TenantRole;

namespace SaaSMdm.Portal.BrowserTests;

/// <summary>
/// Every page of a tenant at laptop and tablet widths: it renders, fits the width, has one h1, names every form
/// control (label or aria-label), and shows no exception text.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LayoutAndAccessibilityTests(BrowserSystem system)
{
    private static readonly string[] Pages =
    [
        "", "devices", "declarations", "declarations/new?type=com.apple.configuration.passcode.settings", "declarations/sets", "enrollment",
        "settings/push-certificate", "settings/people", "settings/api-clients", "settings/webhooks", "settings/audit-log",
    ];

    private const string Problems = """
        () => {
            const problems = [];
            if (document.querySelectorAll('h1').length !== 1) problems.push('h1 count ' + document.querySelectorAll('h1').length);
            if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) problems.push('wider than the window: ' + document.documentElement.scrollWidth);
            for (const control of document.querySelectorAll('input, select, textarea')) {
                if (control.type === 'hidden' || control.hidden || control.getAttribute('aria-hidden') === 'true') continue;
                const named = (control.id && document.querySelector('label[for="' + CSS.escape(control.id) + '"]'))
                    || control.closest('label') || control.getAttribute('aria-label') || control.getAttribute('aria-labelledby');
                if (!named) problems.push('unnamed ' + control.tagName.toLowerCase() + ' ' + (control.name || control.id));
            }
            if (/Exception|Stack Trace|   at /.test(document.body.innerText)) problems.push('exception text');
            return problems;
        }
        """;

    [Theory]
    [InlineData(1280, 800, "laptop")]
    [InlineData(820, 1180, "tablet")]
    public async Task Every_tenant_page_fits_names_its_controls_and_shows_no_exception(int width, int height, string device)
    {
        var owner = await system.CreatePersonAsync(system.Tenant, TenantRole.Owner);
        await system.InBrowserAsync(async (page, screens) =>
        {
            await page.SetViewportSizeAsync(width, height);
            await BrowserSystem.SignInAsync(page, screens, owner);
            var problems = new List<string>();
            foreach (var path in Pages.Append("/account"))
            {
                var url = path.StartsWith('/') ? path : $"/t/{system.Tenant.Slug}/{path}".TrimEnd('/');
                var response = await page.GotoAsync(url);
                Assert.True(response is { Ok: true }, $"{url} answered {response?.Status}");
                problems.AddRange((await page.EvaluateAsync<string[]>(Problems)).Select(problem => $"{url}: {problem}"));
                await screens.CaptureAsync(page, $"{device}-{(path.Length == 0 ? "dashboard" : path.Split('?')[0].Replace('/', '-'))}");
            }

            Assert.Empty(problems);

            // The check itself finds what it looks for: an unnamed input and a second h1 added to the last page.
            await page.EvaluateAsync("() => { document.body.append(document.createElement('input')); document.body.append(document.createElement('h1')); }");
            Assert.Equal(2, (await page.EvaluateAsync<string[]>(Problems)).Length);
        }, testName: $"Every_tenant_page_{device}");
    }
}
