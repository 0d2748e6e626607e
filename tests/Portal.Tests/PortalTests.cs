using System.Net;
using System.Text.RegularExpressions;
using SaaSMdm.Contracts.V1;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Portal.Tests;

/// <summary>The portal's tenant pages over HTTP, against a real Core.</summary>
public sealed partial class PortalTests(CoreFixture<OnSqlite> core) : IClassFixture<CoreFixture<OnSqlite>>, IAsyncLifetime
{
    private PortalTestHost _portal = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _portal = await PortalTestHost.StartAsync(core.Host.GrpcAddress, core.Host.HttpAddress);
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = _portal.Address };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _portal.DisposeAsync();
    }

    [Fact]
    public async Task Tenants_page_lists_the_tenants_Core_has()
    {
        await core.Host.Tenants.CreateTenantAsync(new CreateTenantRequest { Slug = "listed-one", DisplayName = "Listed One" });
        await core.Host.Tenants.CreateTenantAsync(new CreateTenantRequest { Slug = "listed-two", DisplayName = "Listed Two" });

        var html = await _http.GetStringAsync("/tenants");

        Assert.Contains("data-tenant=\"listed-one\"", html);
        Assert.Contains("Listed Two", html);
        Assert.Contains("https://edge.example.test/t/listed-one/", html);
    }

    [Fact]
    public async Task Root_redirects_to_the_tenants_page()
    {
        var response = await _http.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/tenants", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Creating_a_tenant_through_the_form_redirects_and_the_tenant_exists()
    {
        var response = await PostCreateAsync("form-made", "Form Made");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("created=form-made", response.Headers.Location!.ToString());
        var tenant = await core.Host.Tenants.GetTenantAsync(new GetTenantRequest { Slug = "form-made" });
        Assert.Equal("Form Made", tenant.DisplayName);
    }

    [Fact]
    public async Task Core_refusal_is_shown_to_the_person_and_nothing_is_created()
    {
        await core.Host.Tenants.CreateTenantAsync(new CreateTenantRequest { Slug = "taken-slug", DisplayName = "First" });

        var duplicate = await PostCreateAsync("taken-slug", "Second");
        var malformed = await PostCreateAsync("Bad Slug!", "Third");

        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains("already exists", WebUtility.HtmlDecode(await duplicate.Content.ReadAsStringAsync()));
        Assert.Contains("slug may contain only", WebUtility.HtmlDecode(await malformed.Content.ReadAsStringAsync()));
        Assert.Equal("First", (await core.Host.Tenants.GetTenantAsync(new GetTenantRequest { Slug = "taken-slug" })).DisplayName);
    }

    [Fact]
    public async Task Form_post_without_the_antiforgery_token_is_refused()
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "create-tenant",
            ["Form.DisplayName"] = "Forged",
            ["Form.Slug"] = "forged-tenant",
        });
        var response = await _http.PostAsync("/tenants", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var list = await core.Host.Tenants.ListTenantsAsync(new ListTenantsRequest { PageSize = 1000 });
        Assert.DoesNotContain(list.Tenants, t => t.Slug == "forged-tenant");
    }

    [Fact]
    public async Task Unknown_page_is_a_friendly_404()
    {
        var response = await _http.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unreachable_Core_shows_an_explanation_not_a_stack_trace()
    {
        await using var portal = await PortalTestHost.StartAsync(new Uri("http://127.0.0.1:1"), new Uri("http://127.0.0.1:1"), environment: "Production");
        using var http = new HttpClient { BaseAddress = portal.Address };

        var response = await http.GetAsync("/tenants");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not reachable right now", html);
        Assert.DoesNotContain("Exception", html);
    }

    private async Task<HttpResponseMessage> PostCreateAsync(string slug, string displayName)
    {
        var page = await _http.GetStringAsync("/tenants");
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "create-tenant",
            ["__RequestVerificationToken"] = token,
            ["Form.DisplayName"] = displayName,
            ["Form.Slug"] = slug,
        });
        return await _http.PostAsync("/tenants", content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
