using System.Net;
using System.Text.Json.Nodes;
using SaaSMdm.Contracts.V1;
using SaaSMdm.TestHosts;
using EntityRole = SaaSMdm.Core.Data.Entities.TenantRole;

namespace SaaSMdm.Portal.Tests.Declarations;

/// <summary>The declaration list and editor over HTTP, against a real Core.</summary>
public sealed class DeclarationPagesTests(CoreFixture<OnSqlite> core) : DeclarationPortalTests(core)
{
    private const string Passcode = "com.apple.configuration.passcode.settings";
    private const string CalDav = "com.apple.configuration.account.caldav";

    [Fact]
    public async Task List_shows_each_declaration_with_its_fleet_status_and_filters_by_type_and_text()
    {
        var (tenant, session) = await Kit.TenantWithPersonAsync(EntityRole.Admin);
        using var _ = session;
        var (_, empty) = await session.GetAsync($"/t/{tenant.Slug}/declarations");
        await Kit.PutAsync(tenant, "com.example.passcode", Passcode, """{"MinimumLength":6}""");
        await Kit.PutAsync(tenant, "com.example.calendar", CalDav, """{"HostName":"cal.example.com"}""");
        var device = (await Kit.SeedDevicesAsync(tenant, 1))[0];
        var set = await Kit.Api.CreateSetAsync(new CreateSetRequest { TenantId = tenant.Id, Name = "Phones" });
        await Kit.Api.SetSetDeclarationsAsync(new SetDeclarationsRequest { TenantId = tenant.Id, SetId = set.Id, Identifiers = { "com.example.passcode" } });
        await Kit.Api.AssignSetAsync(new AssignSetRequest { TenantId = tenant.Id, SetId = set.Id, DeviceIds = { device.Id.ToString() } });

        var (status, html) = await session.GetAsync($"/t/{tenant.Slug}/declarations");
        var (_, byType) = await session.GetAsync($"/t/{tenant.Slug}/declarations?type={CalDav}");
        var (_, byText) = await session.GetAsync($"/t/{tenant.Slug}/declarations?q=PASSCODE");
        var (_, edit) = await session.GetAsync($"/t/{tenant.Slug}/declarations/edit?id=com.example.passcode");

        Assert.Contains("No declarations yet.", empty);
        Assert.Equal(HttpStatusCode.OK, status);
        var passcodeRow = Row(html, "com.example.passcode");
        Assert.Contains("data-pending=\"1\"", passcodeRow);
        Assert.Contains("data-active=\"0\"", passcodeRow);
        Assert.Contains("declarations/edit?id=com.example.passcode", passcodeRow);
        Assert.Contains("data-pending=\"0\"", Row(html, "com.example.calendar"));
        Assert.Contains("data-declaration=\"com.example.calendar\"", byType);
        Assert.DoesNotContain("data-declaration=\"com.example.passcode\"", byType);
        Assert.Contains("data-declaration=\"com.example.passcode\"", byText);
        Assert.DoesNotContain("data-declaration=\"com.example.calendar\"", byText);
        Assert.Matches("data-fleet[^>]*>.*data-total=\"1\".*data-pending=\"1\"", edit.ReplaceLineEndings(" "));
        Assert.Contains($"data-in-set=\"{set.Id}\"", edit);
        Assert.Contains($"data-device=\"{device.Id}\" data-state=\"", edit);
        Assert.Contains($"href=\"/t/{tenant.Slug}/devices/{device.Id}\"", edit);
    }

    [Fact]
    public async Task Generated_forms_have_an_input_per_key_of_the_type()
    {
        var (tenant, session) = await Kit.TenantWithPersonAsync(EntityRole.Admin);
        using var _ = session;

        var (_, chooser) = await session.GetAsync($"/t/{tenant.Slug}/declarations/new");
        var (_, passcode) = await session.GetAsync($"/t/{tenant.Slug}/declarations/new?type={Passcode}");
        var (_, caldav) = await session.GetAsync($"/t/{tenant.Slug}/declarations/new?type={CalDav}");
        var (_, openPayload) = await session.GetAsync($"/t/{tenant.Slug}/declarations/new?type=com.apple.management.properties");

        Assert.Contains($"<option value=\"{Passcode}\"", chooser);
        Assert.Matches("<input type=\"number\"[^>]*name=\"p:MaximumFailedAttempts\"[^>]*min=\"2\" max=\"11\"", passcode);
        Assert.Matches("<select[^>]*name=\"p:RequirePasscode\"", passcode);
        Assert.Contains("data-field=\"MaximumInactivityInMinutes\" data-input=\"Integer\"", passcode);
        Assert.Matches("<input type=\"text\"[^>]*name=\"p:HostName\"", caldav);
        Assert.Matches("data-field=\"HostName\"[^>]*>\\s*<label[^>]*>[^<]*<span class=\"declaration-required\"", caldav);
        Assert.Matches("<input type=\"number\"[^>]*name=\"p:Port\"", caldav);
        Assert.Contains("name=\"payload\"", openPayload);
    }

    [Fact]
    public async Task Posting_the_form_creates_the_declaration_with_the_payload_and_opens_its_edit_page()
    {
        var (tenant, session) = await Kit.TenantWithPersonAsync(EntityRole.Admin);
        using var _ = session;
        var page = $"/t/{tenant.Slug}/declarations/new?type={Passcode}";

        var response = await session.PostFormAsync(page, "save", new()
        {
            ["identifier"] = "com.example.from-form",
            ["p:RequirePasscode"] = "true",
            ["p:MinimumLength"] = "6",
            ["p:MaximumFailedAttempts"] = "",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/t/{tenant.Slug}/declarations/edit?id=com.example.from-form&view=form&saved=1", response.Headers.Location!.PathAndQuery);
        var stored = await Kit.Api.GetDeclarationAsync(new GetDeclarationRequest { TenantId = tenant.Id, Identifier = "com.example.from-form" });
        Assert.Equal(Passcode, stored.Type);
        AssertJsonEqual("""{"RequirePasscode":true,"MinimumLength":6}""", stored.PayloadJson);
        var (_, edit) = await session.GetAsync(response.Headers.Location.PathAndQuery);
        Assert.Contains("data-saved", edit);
        Assert.Equal("6", PortalHttpSession.InputValue(edit, "p:MinimumLength"));
    }

    [Fact]
    public async Task Invalid_input_shows_every_problem_next_to_its_field_and_stores_nothing()
    {
        var (tenant, session) = await Kit.TenantWithPersonAsync(EntityRole.Admin);
        using var _ = session;

        var response = await session.PostFormAsync($"/t/{tenant.Slug}/declarations/new?type={Passcode}", "save", new()
        {
            ["identifier"] = "com.example.invalid",
            ["p:MinimumLength"] = "six",
            ["p:MaximumFailedAttempts"] = "20",
        });
        var html = await response.Content.ReadAsStringAsync();
        var missingHost = await session.PostFormAsync($"/t/{tenant.Slug}/declarations/new?type={CalDav}", "save", new() { ["identifier"] = "com.example.nohost" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-problem=\"MinimumLength\"", html);
        Assert.Contains("data-problem=\"MaximumFailedAttempts\"", html);
        Assert.Equal("20", PortalHttpSession.InputValue(html, "p:MaximumFailedAttempts"));
        Assert.Matches("name=\"p:MaximumFailedAttempts\"[^>]*aria-invalid=\"true\"", html);
        Assert.DoesNotMatch("name=\"p:MaximumInactivityInMinutes\"[^>]*aria-invalid", html);
        Assert.Contains("data-problem=\"HostName\"", await missingHost.Content.ReadAsStringAsync());
        var stored = await Kit.Api.ListDeclarationsAsync(new ListDeclarationsRequest { TenantId = tenant.Id });
        Assert.Empty(stored.Declarations);
    }

    [Fact]
    public async Task Core_refusal_is_shown_and_nothing_is_stored()
    {
        var (tenant, session) = await Kit.TenantWithPersonAsync(EntityRole.Admin);
        using var _ = session;

        var response = await session.PostFormAsync($"/t/{tenant.Slug}/declarations/new?type={Passcode}", "save", new() { ["identifier"] = "saasmdm.reserved" });

        Assert.Contains("reserved for built-in declarations", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Empty((await Kit.Api.ListDeclarationsAsync(new ListDeclarationsRequest { TenantId = tenant.Id })).Declarations);
    }

    [Fact]
    public async Task Raw_JSON_view_saves_the_payload_as_typed_and_edits_it_again()
    {
        var (tenant, session) = await Kit.TenantWithPersonAsync(EntityRole.Admin);
        using var _ = session;
        const string typed = """{ "HostName": "cal.example.com", "Port": 8443, "VisibleName": "Team" }""";

        var created = await session.PostFormAsync($"/t/{tenant.Slug}/declarations/new?type={CalDav}&view=json", "save-json", new()
        {
            ["identifier"] = "com.example.json",
            ["payload"] = typed,
        });
        var edited = await session.PostFormAsync($"/t/{tenant.Slug}/declarations/edit?id=com.example.json&view=json", "save-json", new()
        {
            ["payload"] = """{ "HostName": "cal2.example.com" }""",
        });
        var invalid = await session.PostFormAsync($"/t/{tenant.Slug}/declarations/edit?id=com.example.json&view=json", "save-json", new()
        {
            ["payload"] = """{ "Port": "many" }""",
        });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("data-problem=\"HostName\"", await invalid.Content.ReadAsStringAsync());
        var stored = await Kit.Api.GetDeclarationAsync(new GetDeclarationRequest { TenantId = tenant.Id, Identifier = "com.example.json" });
        AssertJsonEqual("""{"HostName":"cal2.example.com"}""", stored.PayloadJson);
    }

    [Fact]
    public async Task Touch_and_delete_after_confirmation_reach_Core()
    {
        var (tenant, session) = await Kit.TenantWithPersonAsync(EntityRole.Admin);
        using var _ = session;
        var before = (await Kit.PutAsync(tenant, "com.example.doomed", Passcode, "{}")).Declaration;
        var edit = $"/t/{tenant.Slug}/declarations/edit?id=com.example.doomed";

        var touched = await session.PostFormAsync(edit, "touch", []);
        var after = await Kit.Api.GetDeclarationAsync(new GetDeclarationRequest { TenantId = tenant.Id, Identifier = "com.example.doomed" });
        var (_, unconfirmed) = await session.GetAsync(edit);
        var (_, confirm) = await session.GetAsync(edit + "&confirm=delete");
        var deleted = await session.PostFormAsync(edit + "&confirm=delete", "delete", new() { ["remove-from-sets"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, touched.StatusCode);
        Assert.NotEqual(before.ServerToken, after.ServerToken);
        Assert.DoesNotContain("value=\"delete\"", unconfirmed);
        Assert.Contains("value=\"delete\"", confirm);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Empty((await Kit.Api.ListDeclarationsAsync(new ListDeclarationsRequest { TenantId = tenant.Id })).Declarations);
    }

    [Fact]
    public async Task Read_only_person_sees_declarations_without_forms_and_a_forged_post_is_refused_by_Core()
    {
        var (tenant, session) = await Kit.TenantWithPersonAsync(EntityRole.ReadOnly);
        using var _ = session;
        await Kit.PutAsync(tenant, "com.example.locked", Passcode, """{"MinimumLength":4}""");
        var edit = $"/t/{tenant.Slug}/declarations/edit?id=com.example.locked";

        var (_, list) = await session.GetAsync($"/t/{tenant.Slug}/declarations");
        var (_, page) = await session.GetAsync(edit);
        var forged = await session.PostFormAsync(edit, "save", new() { ["p:MinimumLength"] = "12" }, page);
        var forgedDelete = await session.PostFormAsync(edit, "delete", new() { ["remove-from-sets"] = "true" }, page);

        Assert.Contains("data-declaration=\"com.example.locked\"", list);
        Assert.DoesNotContain("New declaration", list);
        Assert.Contains("data-payload", page);
        Assert.DoesNotContain("name=\"p:", page);
        Assert.DoesNotContain("name=\"_handler\"", page);
        Assert.Contains("Your role in this tenant does not allow this.", WebUtility.HtmlDecode(await forged.Content.ReadAsStringAsync()));
        Assert.Contains("Your role in this tenant does not allow this.", WebUtility.HtmlDecode(await forgedDelete.Content.ReadAsStringAsync()));
        var stored = await Kit.Api.GetDeclarationAsync(new GetDeclarationRequest { TenantId = tenant.Id, Identifier = "com.example.locked" });
        AssertJsonEqual("""{"MinimumLength":4}""", stored.PayloadJson);
    }

    [Fact]
    public async Task Another_tenants_declaration_is_not_found()
    {
        var (other, otherSession) = await Kit.TenantWithPersonAsync(EntityRole.Admin);
        otherSession.Dispose();
        await Kit.PutAsync(other, "com.example.theirs", Passcode, """{"MinimumLength":4}""");
        var (mine, session) = await Kit.TenantWithPersonAsync(EntityRole.Admin);
        using var _ = session;

        var (status, html) = await session.GetAsync($"/t/{mine.Slug}/declarations/edit?id=com.example.theirs");
        var (otherSlug, __) = await session.GetAsync($"/t/{other.Slug}/declarations/edit?id=com.example.theirs");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain("MinimumLength", html);
        Assert.Equal(HttpStatusCode.NotFound, otherSlug);
    }

    private static string Row(string html, string identifier)
    {
        var start = html.IndexOf($"data-declaration=\"{identifier}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No row for {identifier}.");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    private static void AssertJsonEqual(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), actual);
}
