using System.Net;
using SaaSMdm.Contracts.V1;
using SaaSMdm.TestHosts;
using EntityRole = SaaSMdm.Core.Data.Entities.TenantRole;

namespace SaaSMdm.Portal.Tests.Settings;

/// <summary>The enrollment page over HTTP against a real Core: the URL and its QR code, open enrollment, and enrollment tokens.</summary>
public sealed class EnrollmentPageTests(CoreFixture<OnSqlite> core) : PortalPageTests(() => core.Host), IClassFixture<CoreFixture<OnSqlite>>
{
    private Enrollment.EnrollmentClient Api => new(core.Host.Channel.CreateCallInvoker());

    private string Page => $"/t/{Tenant.Slug}/enrollment";

    [Fact]
    public async Task Turning_open_enrollment_on_shows_the_URL_its_QR_code_and_the_profile_link()
    {
        var (_, session) = await SettingsKit.SignedInAsync(core.Host, Portal, Tenant, EntityRole.Admin);
        using var _ = session;
        var url = $"https://edge.example.test/t/{Tenant.Slug}/enroll";

        var closed = await session.GetAsync(Page);
        Assert.Contains("data-open-enrollment=\"off\"", closed.Html);
        Assert.DoesNotContain("data-qr", closed.Html);

        var response = await session.PostFormAsync(Page, "open-enrollment", new() { ["Open.Open"] = "True" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True((await Api.GetEnrollmentSettingsAsync(new GetEnrollmentSettingsRequest { TenantId = Tenant.Id })).OpenEnrollment);
        var open = await session.GetAsync(Page);
        Assert.Contains("data-open-enrollment=\"on\"", open.Html);
        Assert.Contains($"<code data-enrollment-url>{url}</code>", open.Html);
        Assert.Contains($"href=\"{url}\" data-profile-download", open.Html);
        SettingsKit.HasQrCode(open.Html);
    }

    [Fact]
    public async Task A_new_token_shows_its_secret_link_and_QR_code_once_and_is_listed_after()
    {
        var (_, session) = await SettingsKit.SignedInAsync(core.Host, Portal, Tenant, EntityRole.Admin);
        using var _ = session;

        var response = await session.PostFormAsync(Page, "create-token", new() { ["Create.Label"] = "Front desk iPads", ["Create.ValidDays"] = "7", ["Create.MaxUses"] = "5" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await SettingsKit.HtmlOf(response);
        var tokens = (await Api.ListEnrollmentTokensAsync(new ListEnrollmentTokensRequest { TenantId = Tenant.Id })).Tokens;
        var token = Assert.Single(tokens);
        Assert.Equal("Front desk iPads", token.Label);
        Assert.Equal(5, token.MaxUses);
        Assert.InRange(token.ExpireTime.ToDateTimeOffset() - DateTimeOffset.UtcNow, TimeSpan.FromDays(6.9), TimeSpan.FromDays(7));
        var secret = SettingsKit.SecretOf(html);
        var link = $"https://edge.example.test/t/{Tenant.Slug}/enroll?token={Uri.EscapeDataString(secret)}";
        Assert.Contains($"<code data-enrollment-url>{link}</code>", html);
        Assert.Contains($"href=\"{link}\" data-profile-download", html);
        SettingsKit.HasQrCode(html);
        Assert.Contains($"data-token=\"{token.Id}\"", html);

        var later = await session.GetAsync(Page);
        Assert.DoesNotContain(secret, later.Html);
        Assert.Contains($"data-token=\"{token.Id}\" data-token-state=\"Active\"", later.Html);
    }

    [Fact]
    public async Task Revoking_asks_first_and_then_revokes_the_token()
    {
        var created = await Api.CreateEnrollmentTokenAsync(new CreateEnrollmentTokenRequest { TenantId = Tenant.Id, Label = "to revoke" });
        var (_, session) = await SettingsKit.SignedInAsync(core.Host, Portal, Tenant, EntityRole.Admin);
        using var _ = session;
        var confirm = $"{Page}?revoke={created.Token.Id}";

        Assert.Contains("Revoke “to revoke”?", WebUtility.HtmlDecode((await session.GetAsync(confirm)).Html));
        var response = await session.PostFormAsync(confirm, "revoke-token", new() { ["Revoke.Id"] = created.Token.Id });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(Assert.Single((await Api.ListEnrollmentTokensAsync(new ListEnrollmentTokensRequest { TenantId = Tenant.Id })).Tokens).Revoked);
        Assert.Contains("data-token-state=\"Revoked\"", (await session.GetAsync(Page)).Html);
    }

    [Fact]
    public async Task Invalid_input_and_Core_refusals_are_shown_and_create_nothing()
    {
        var (_, session) = await SettingsKit.SignedInAsync(core.Host, Portal, Tenant, EntityRole.Admin);
        using var _ = session;

        var badDays = await session.PostFormAsync(Page, "create-token", new() { ["Create.Label"] = "x", ["Create.ValidDays"] = "0", ["Create.MaxUses"] = "0" });
        var badUses = await session.PostFormAsync(Page, "create-token", new() { ["Create.Label"] = "x", ["Create.ValidDays"] = "3", ["Create.MaxUses"] = "-4" });

        Assert.Contains("valid for 1 to 3650 days", await SettingsKit.HtmlOf(badDays));
        Assert.Contains("data-error", await SettingsKit.HtmlOf(badUses));
        Assert.DoesNotContain("data-secret", await SettingsKit.HtmlOf(badUses));
        Assert.Empty((await Api.ListEnrollmentTokensAsync(new ListEnrollmentTokensRequest { TenantId = Tenant.Id })).Tokens);
    }

    [Fact]
    public async Task Read_only_sees_the_tokens_but_no_forms_and_a_forged_post_changes_nothing()
    {
        var created = await Api.CreateEnrollmentTokenAsync(new CreateEnrollmentTokenRequest { TenantId = Tenant.Id, Label = "seen" });
        var (_, session) = await SettingsKit.SignedInAsync(core.Host, Portal, Tenant, EntityRole.ReadOnly);
        using var _ = session;

        var page = await session.GetAsync($"{Page}?revoke={created.Token.Id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"data-token=\"{created.Token.Id}\"", page.Html);
        Assert.Contains("data-role-notice", page.Html);
        SettingsKit.HasNoChangingForms(page.Html);

        var forgedCreate = await session.PostFormAsync(Page, "create-token", new() { ["Create.Label"] = "forged", ["Create.ValidDays"] = "3" }, page.Html);
        var forgedOpen = await session.PostFormAsync(Page, "open-enrollment", new() { ["Open.Open"] = "True" }, page.Html);
        var forgedRevoke = await session.PostFormAsync($"{Page}?revoke={created.Token.Id}", "revoke-token", new() { ["Revoke.Id"] = created.Token.Id }, page.Html);

        Assert.All([forgedCreate, forgedOpen, forgedRevoke], response => Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode));
        var token = Assert.Single((await Api.ListEnrollmentTokensAsync(new ListEnrollmentTokensRequest { TenantId = Tenant.Id })).Tokens);
        Assert.False(token.Revoked);
        Assert.False((await Api.GetEnrollmentSettingsAsync(new GetEnrollmentSettingsRequest { TenantId = Tenant.Id })).OpenEnrollment);
    }

    [Fact]
    public async Task AnotherTenants_token_cannot_be_revoked_through_thisTenants_page()
    {
        var other = await SettingsKit.NewTenantAsync(core.Host);
        var foreign = await Api.CreateEnrollmentTokenAsync(new CreateEnrollmentTokenRequest { TenantId = other.Id, Label = "foreign" });
        await Api.CreateEnrollmentTokenAsync(new CreateEnrollmentTokenRequest { TenantId = Tenant.Id, Label = "own" });
        var (_, session) = await SettingsKit.SignedInAsync(core.Host, Portal, Tenant, EntityRole.Admin);
        using var _ = session;
        var own = Assert.Single((await Api.ListEnrollmentTokensAsync(new ListEnrollmentTokensRequest { TenantId = Tenant.Id })).Tokens);

        var response = await session.PostFormAsync($"{Page}?revoke={own.Id}", "revoke-token", new() { ["Revoke.Id"] = foreign.Token.Id });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-error", await SettingsKit.HtmlOf(response));
        Assert.False(Assert.Single((await Api.ListEnrollmentTokensAsync(new ListEnrollmentTokensRequest { TenantId = other.Id })).Tokens).Revoked);
    }
}
