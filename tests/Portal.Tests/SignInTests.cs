using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.TestHosts;
using SaaSMdm.TestSupport;
using EntityRole = SaaSMdm.Core.Data.Entities.TenantRole;

namespace SaaSMdm.Portal.Tests;

/// <summary>Signing in (password, two-factor code), out, resetting a password and which tenants a person may open, over HTTP against a real Core.</summary>
public sealed class SignInTests(CoreFixture<OnSqlite> core) : IClassFixture<CoreFixture<OnSqlite>>, IAsyncLifetime
{
    private PortalTestHost _portal = null!;

    public async Task InitializeAsync() => _portal = await PortalTestHost.StartAsync(core.Host.GrpcAddress, core.Host.HttpAddress);

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task A_page_asks_an_anonymous_visitor_to_sign_in()
    {
        using var visitor = new PortalHttpSession(_portal.Address);

        var response = await visitor.Http.GetAsync("/t/anything");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_and_no_sign_in()
    {
        var person = await TestPeople.CreateAsync(core.Host.Services);
        using var visitor = new PortalHttpSession(_portal.Address);

        var response = await visitor.PostFormAsync("/sign-in", "password", new() { ["Password.Email"] = person.Email, ["Password.Password"] = "not the password at all" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The email or password is wrong.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.Http.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Two_factor_sign_in_asks_for_the_code_refuses_a_wrong_one_and_accepts_the_right_one()
    {
        var tenant = await NewTenantAsync();
        var person = await TestPeople.CreateAsync(core.Host.Services, Guid.Parse(tenant.Id), EntityRole.Admin, twoFactor: true);
        using var visitor = new PortalHttpSession(_portal.Address);

        var codeStep = await visitor.PostFormAsync("/sign-in", "password", new() { ["Password.Email"] = person.Email, ["Password.Password"] = person.Password });
        var codePage = await codeStep.Content.ReadAsStringAsync();
        Assert.Contains("authenticator app", codePage);
        Assert.DoesNotContain(person.Password, codePage);
        var pending = PortalHttpSession.InputValue(codePage, "Code.Pending");

        var wrong = await visitor.PostFormAsync("/sign-in", "code", new() { ["Code.Pending"] = pending, ["Code.Code"] = "000000" }, codePage);
        Assert.Contains("The two-factor code is wrong.", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));

        var right = await visitor.PostFormAsync("/sign-in", "code", new() { ["Code.Pending"] = pending, ["Code.Code"] = Totp.Code(person.AuthenticatorKey!, DateTimeOffset.UtcNow) }, codePage);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var (status, dashboard) = await visitor.GetAsync($"/t/{tenant.Slug}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(tenant.DisplayName, dashboard);
        Assert.Contains("data-role=\"Admin\"", dashboard);
    }

    [Fact]
    public async Task A_tampered_pending_sign_in_starts_over()
    {
        var person = await TestPeople.CreateAsync(core.Host.Services, twoFactor: true);
        using var visitor = new PortalHttpSession(_portal.Address);

        var response = await visitor.PostFormAsync("/sign-in", "code", new() { ["Code.Pending"] = "CfDJ8forged", ["Code.Code"] = Totp.Code(person.AuthenticatorKey!, DateTimeOffset.UtcNow) });

        Assert.Contains("took too long", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.Http.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_person_opens_their_tenant_and_gets_404_for_any_other_alike()
    {
        var mine = await NewTenantAsync();
        var theirs = await NewTenantAsync();
        var person = await TestPeople.CreateAsync(core.Host.Services, Guid.Parse(mine.Id), EntityRole.ReadOnly);
        using var session = await PortalHttpSession.SignedInAsync(_portal.Address, person);

        var root = await session.Http.GetAsync("/");
        var (own, ownHtml) = await session.GetAsync($"/t/{mine.Slug}");
        var (other, otherHtml) = await session.GetAsync($"/t/{theirs.Slug}");
        var (unknown, _) = await session.GetAsync("/t/no-such-tenant-here");

        Assert.Equal($"/t/{mine.Slug}", root.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, own);
        Assert.Contains("data-role=\"Read-only\"", ownHtml);
        Assert.DoesNotContain(theirs.DisplayName, ownHtml);
        Assert.Equal(HttpStatusCode.NotFound, other);
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.DoesNotContain(theirs.DisplayName, otherHtml);
    }

    [Fact]
    public async Task Signing_out_needs_the_portal_s_own_form_and_ends_the_sign_in()
    {
        var tenant = await NewTenantAsync();
        var person = await TestPeople.CreateAsync(core.Host.Services, Guid.Parse(tenant.Id));
        using var session = await PortalHttpSession.SignedInAsync(_portal.Address, person);

        using var forged = await session.Http.PostAsync("/sign-out", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync($"/t/{tenant.Slug}")).Status);

        var (_, page) = await session.GetAsync($"/t/{tenant.Slug}");
        var signedOut = await session.PostFormAsync("/sign-out", "", [], page);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await session.Http.GetAsync($"/t/{tenant.Slug}")).StatusCode);
        await using var scope = core.Host.Services.CreateAsyncScope();
        var refreshTokens = await scope.ServiceProvider.GetRequiredService<SaaSMdm.Core.Data.CoreDbContext>().RefreshTokens
            .Where(t => t.PersonId == person.Id).ToListAsync();
        Assert.NotEmpty(refreshTokens);
        Assert.All(refreshTokens, t => Assert.NotNull(t.RevokedAt));
    }

    [Fact]
    public async Task Return_url_leads_only_within_the_portal()
    {
        var person = await TestPeople.CreateAsync(core.Host.Services);
        using var visitor = new PortalHttpSession(_portal.Address);

        var response = await visitor.PostFormAsync("/sign-in?returnUrl=%2F%2Fevil.example", "password", new() { ["Password.Email"] = person.Email, ["Password.Password"] = person.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(_portal.Address.Authority, response.Headers.Location!.Authority);
        Assert.Equal("/", response.Headers.Location.AbsolutePath);
    }

    [Fact]
    public async Task A_reset_code_sets_a_new_password_to_sign_in_with()
    {
        var person = await TestPeople.CreateAsync(core.Host.Services);
        using var visitor = new PortalHttpSession(_portal.Address);

        var asked = await visitor.PostFormAsync("/forgot-password", "forgot", new() { ["Form.Email"] = person.Email });
        Assert.Contains("on its way", await asked.Content.ReadAsStringAsync());

        string token;
        await using (var scope = core.Host.Services.CreateAsyncScope())
        {
            var people = scope.ServiceProvider.GetRequiredService<UserManager<PersonEntity>>();
            token = await people.GeneratePasswordResetTokenAsync((await people.FindByEmailAsync(person.Email))!);
        }

        const string newPassword = "a completely new portal password";
        var wrongToken = await visitor.PostFormAsync("/reset-password", "reset", new()
        {
            ["Form.Email"] = person.Email, ["Form.Token"] = "not-a-token", ["Form.NewPassword"] = newPassword, ["Form.ConfirmPassword"] = newPassword,
        });
        Assert.Contains("invalid or has expired", WebUtility.HtmlDecode(await wrongToken.Content.ReadAsStringAsync()));

        var reset = await visitor.PostFormAsync("/reset-password", "reset", new()
        {
            ["Form.Email"] = person.Email, ["Form.Token"] = token, ["Form.NewPassword"] = newPassword, ["Form.ConfirmPassword"] = newPassword,
        });
        Assert.Contains("Your password is set", await reset.Content.ReadAsStringAsync());
        using var signedIn = await PortalHttpSession.SignedInAsync(_portal.Address, person with { Password = newPassword });
    }

    [Fact]
    public async Task Cookies_are_https_only_by_default_and_pages_are_never_cached()
    {
        await using var portal = await PortalTestHost.StartAsync(
            core.Host.GrpcAddress, core.Host.HttpAddress, settings: new Dictionary<string, string?> { ["Portal:SecureCookies"] = "true" });
        using var visitor = new PortalHttpSession(_portal.Address);

        using var page = await visitor.Http.GetAsync("/sign-in");

        Assert.True(page.Headers.CacheControl?.NoStore, "A page may be cached.");
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single());
        var signInCookie = portal.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme).Cookie;
        var antiforgeryCookie = portal.Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie;
        Assert.Equal(CookieSecurePolicy.Always, signInCookie.SecurePolicy);
        Assert.True(signInCookie.HttpOnly);
        Assert.Equal(CookieSecurePolicy.Always, antiforgeryCookie.SecurePolicy);
    }

    [Fact]
    public async Task Unreachable_Core_is_explained_on_sign_in_not_shown_as_a_stack_trace()
    {
        await using var portal = await PortalTestHost.StartAsync(new Uri("http://127.0.0.1:1"), new Uri("http://127.0.0.1:1"), environment: "Production");
        using var visitor = new PortalHttpSession(portal.Address);

        var response = await visitor.PostFormAsync("/sign-in", "password", new() { ["Password.Email"] = "someone@example.test", ["Password.Password"] = "whatever it is" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not reachable right now", html);
        Assert.DoesNotContain("Exception", html);
    }

    private async Task<Tenant> NewTenantAsync()
    {
        var slug = $"s-{Guid.NewGuid():N}"[..16];
        return await core.Host.Tenants.CreateTenantAsync(new CreateTenantRequest { Slug = slug, DisplayName = "Tenant " + slug });
    }
}
