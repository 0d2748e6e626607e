using System.Net;
using SaaSMdm.Contracts.V1;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Portal.Tests;

/// <summary>The operators' tenant pages over HTTP, signed in as an operator, against a real Core.</summary>
public sealed class PortalTests(CoreFixture<OnSqlite> core) : IClassFixture<CoreFixture<OnSqlite>>, IAsyncLifetime
{
    private PortalTestHost _portal = null!;
    private PortalHttpSession _session = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _portal = await PortalTestHost.StartAsync(core.Host.GrpcAddress, core.Host.HttpAddress);
        _session = await PortalHttpSession.SignedInAsync(_portal.Address, await TestPeople.CreateAsync(core.Host.Services, isOperator: true));
        _http = _session.Http;
    }

    public async Task DisposeAsync()
    {
        _session.Dispose();
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
    public async Task Root_opens_a_tenant_the_operator_can_see()
    {
        await core.Host.Tenants.CreateTenantAsync(new CreateTenantRequest { Slug = "root-target", DisplayName = "AAA Root Target" });

        var response = await _http.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/t/", response.Headers.Location!.AbsolutePath);
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
        Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync());
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

    private async Task<HttpResponseMessage> PostCreateAsync(string slug, string displayName)
    {
        return await _session.PostFormAsync("/tenants", "create-tenant", new() { ["Form.DisplayName"] = displayName, ["Form.Slug"] = slug });
    }
}
