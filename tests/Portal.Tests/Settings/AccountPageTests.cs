using System.Net;
using System.Text.RegularExpressions;
using SaaSMdm.TestHosts;
using SaaSMdm.TestSupport;

namespace SaaSMdm.Portal.Tests.Settings;

/// <summary>The account page over HTTP against a real Core: changing the password, and setting up and turning off two-factor sign-in.</summary>
public sealed partial class AccountPageTests(CoreFixture<OnSqlite> core) : IClassFixture<CoreFixture<OnSqlite>>, IAsyncLifetime
{
    private const string Page = "/account";

    private PortalTestHost _portal = null!;

    public async Task InitializeAsync() => _portal = await PortalTestHost.StartAsync(core.Host.GrpcAddress, core.Host.HttpAddress);

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Changing_the_password_lets_the_person_sign_in_with_the_new_one_only()
    {
        var person = await TestPeople.CreateAsync(core.Host.Services);
        using var session = await PortalHttpSession.SignedInAsync(_portal.Address, person);
        const string NewPassword = "another long enough portal password";

        var mismatch = await session.PostFormAsync(Page, "change-password", new() { ["Password.Current"] = person.Password, ["Password.New"] = NewPassword, ["Password.Repeat"] = "different" });
        var wrong = await session.PostFormAsync(Page, "change-password", new() { ["Password.Current"] = "not the password", ["Password.New"] = NewPassword, ["Password.Repeat"] = NewPassword });
        Assert.Contains("differ", await SettingsKit.HtmlOf(mismatch));
        Assert.Contains("current_password is wrong", await SettingsKit.HtmlOf(wrong));
        using (await PortalHttpSession.SignedInAsync(_portal.Address, person))
        {
        }

        var changed = await session.PostFormAsync(Page, "change-password", new() { ["Password.Current"] = person.Password, ["Password.New"] = NewPassword, ["Password.Repeat"] = NewPassword });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        using var again = await PortalHttpSession.SignedInAsync(_portal.Address, person with { Password = NewPassword });
    }

    [Fact]
    public async Task Two_factor_setup_shows_the_key_and_QR_code_then_the_recovery_codes_once_and_sign_in_then_needs_a_code()
    {
        var person = await TestPeople.CreateAsync(core.Host.Services);
        using var session = await PortalHttpSession.SignedInAsync(_portal.Address, person);

        var wrongPassword = await session.PostFormAsync(Page, "begin-two-factor", new() { ["Begin.Password"] = "not the password" });
        Assert.Contains("current_password is wrong", await SettingsKit.HtmlOf(wrongPassword));

        var begun = await SettingsKit.HtmlOf(await session.PostFormAsync(Page, "begin-two-factor", new() { ["Begin.Password"] = person.Password }));
        var key = SharedKey().Match(begun).Groups[1].Value;
        Assert.NotEmpty(key);
        SettingsKit.HasQrCode(begun);

        var wrongCode = await session.PostFormAsync(Page, "confirm-two-factor", new() { ["Confirm.Code"] = "000000" }, begun);
        var wrongHtml = await SettingsKit.HtmlOf(wrongCode);
        Assert.Contains("The code is wrong", wrongHtml);
        Assert.Contains("data-two-factor=\"off\"", wrongHtml);

        var confirmed = await SettingsKit.HtmlOf(await session.PostFormAsync(Page, "confirm-two-factor", new() { ["Confirm.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, wrongHtml));
        var codes = RecoveryCode().Matches(confirmed).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(codes);
        Assert.Contains("data-two-factor=\"on\"", confirmed);

        var later = (await session.GetAsync(Page)).Html;
        Assert.DoesNotContain(codes[0], later);
        Assert.DoesNotContain(key, later);
        using var withCode = await PortalHttpSession.SignedInAsync(_portal.Address, person with { AuthenticatorKey = key });

        var disabled = await session.PostFormAsync(Page, "disable-two-factor", new() { ["Disable.Code"] = codes[0] });
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Contains("data-two-factor=\"off\"", (await session.GetAsync(Page)).Html);
    }

    [GeneratedRegex("<code data-shared-key>([^<]+)</code>")]
    private static partial Regex SharedKey();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCode();
}
