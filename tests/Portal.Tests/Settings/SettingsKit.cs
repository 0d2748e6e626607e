using System.Net;
using System.Text.RegularExpressions;
using SaaSMdm.Contracts.V1;
using SaaSMdm.TestHosts;
using EntityRole = SaaSMdm.Core.Data.Entities.TenantRole;

namespace SaaSMdm.Portal.Tests.Settings;

/// <summary>A tenant, a person of a role in it signed in to the portal, and Core's API (as the operator) to arrange and check state.</summary>
public static partial class SettingsKit
{
    public static async Task<Tenant> NewTenantAsync(CoreTestHost core)
    {
        var slug = $"t-{Guid.NewGuid():N}"[..20];
        return await core.Tenants.CreateTenantAsync(new CreateTenantRequest { Slug = slug, DisplayName = "Settings " + slug });
    }

    public static async Task<(TestPerson Person, PortalHttpSession Session)> SignedInAsync(CoreTestHost core, PortalTestHost portal, Tenant tenant, EntityRole role)
    {
        var person = await TestPeople.CreateAsync(core.Services, Guid.Parse(tenant.Id), role);
        return (person, await PortalHttpSession.SignedInAsync(portal.Address, person));
    }

    public static async Task<string> HtmlOf(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>Posts the form <paramref name="handler"/> of the page at <paramref name="path"/> with repeated fields (checkbox lists).</summary>
    public static async Task<HttpResponseMessage> PostFieldsAsync(PortalHttpSession session, string path, string handler, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var (_, page) = await session.GetAsync(path);
        var form = fields.Append(new("_handler", handler)).Append(new("__RequestVerificationToken", AntiforgeryOf(page))).ToList();
        return await session.Http.PostAsync(path, new FormUrlEncodedContent(form));
    }

    public static string AntiforgeryOf(string page)
    {
        var token = AntiforgeryField().Match(page);
        Assert.True(token.Success, "The page has no antiforgery token.");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    /// <summary>The page shows no form that would change anything: only the sign-out form posts.</summary>
    public static void HasNoChangingForms(string html) =>
        Assert.DoesNotContain(PostForms().Matches(html).Select(m => m.Value), form => !form.Contains("action=\"/sign-out\"", StringComparison.Ordinal));

    /// <summary>A data: URI PNG image marked as the QR code.</summary>
    public static void HasQrCode(string html) =>
        Assert.Matches("<img[^>]*src=\"data:image/png;base64,[A-Za-z0-9+/=]{200,}\"[^>]*data-qr|<img[^>]*data-qr[^>]*src=\"data:image/png;base64,[A-Za-z0-9+/=]{200,}\"", WebUtility.HtmlDecode(html));

    /// <summary>The one-time secret the response shows.</summary>
    public static string SecretOf(string html)
    {
        var secret = SecretField().Match(html);
        Assert.True(secret.Success, "The response shows no secret.");
        return secret.Groups[1].Value;
    }

    /// <summary>Follows the list's link to its second page.</summary>
    public static async Task<(HttpStatusCode Status, string Html)> SecondPageAsync(PortalHttpSession session, string path, string linkText)
    {
        var (_, first) = await session.GetAsync(path);
        var link = Regex.Match(WebUtility.HtmlDecode(first), $"<a href=\"([^\"]+)\">{Regex.Escape(linkText)}</a>");
        Assert.True(link.Success, $"The first page has no “{linkText}” link.");
        var second = await session.GetAsync(link.Groups[1].Value);
        return (second.Status, WebUtility.HtmlDecode(second.Html));
    }

    /// <summary>The value of <paramref name="attribute"/> of the first row whose attribute is followed by <paramref name="then"/>.</summary>
    public static string FirstRowId(string html, string attribute, string then = "")
    {
        var row = Regex.Match(html, $"<tr {Regex.Escape(attribute)}=\"([^\"]+)\"{Regex.Escape(then)}");
        Assert.True(row.Success, $"The page has no row with {attribute}.");
        return row.Groups[1].Value;
    }

    /// <summary>The href of the link whose target contains <paramref name="fragment"/>.</summary>
    public static string LinkTo(string html, string fragment)
    {
        var link = Regex.Match(html, $"href=\"([^\"]*{Regex.Escape(fragment)})\"");
        Assert.True(link.Success, $"The page has no link to {fragment}.");
        return link.Groups[1].Value;
    }

    [GeneratedRegex("<code data-secret>([^<]+)</code>")]
    private static partial Regex SecretField();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*>")]
    private static partial Regex PostForms();
}
