using Microsoft.Playwright;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Portal.BrowserTests.Infrastructure;
using SaaSMdm.TestSupport;

namespace SaaSMdm.Portal.BrowserTests;

/// <summary>Signing in with a password and an authenticator code, and out again, in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInFlowTests(BrowserSystem system)
{
    [Fact]
    public Task A_person_signs_in_with_a_two_factor_code_sees_their_tenant_and_signs_out() => system.InBrowserAsync(async (page, screens) =>
    {
        var person = await system.CreatePersonAsync(system.Tenant, TenantRole.Admin, twoFactor: true);

        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email").FillAsync(person.Email);
        await page.GetByLabel("Password").FillAsync(person.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Authentication code").FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The two-factor code is wrong.");
        await screens.CaptureAsync(page, "wrong-code");

        await page.GetByLabel("Authentication code").FillAsync(Totp.Code(person.AuthenticatorKey!, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await page.WaitForURLAsync($"**/t/{system.Tenant.Slug}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-role]")).ToHaveTextAsync("Admin");
        await screens.CaptureAsync(page, "signed-in");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/sign-in?signed-out=1");
        await page.GotoAsync($"/t/{system.Tenant.Slug}");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in"));
        await screens.CaptureAsync(page, "signed-out");
    });
}
