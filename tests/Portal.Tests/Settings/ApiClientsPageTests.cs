using System.Net;
using SaaSMdm.Contracts.V1;
using SaaSMdm.TestHosts;
using EntityRole = SaaSMdm.Core.Data.Entities.TenantRole;

namespace SaaSMdm.Portal.Tests.Settings;

/// <summary>The API clients page over HTTP against a real Core: secrets shown once, rotation, revocation, owners only.</summary>
public sealed class ApiClientsPageTests(CoreFixture<OnSqlite> core) : PortalPageTests(() => core.Host), IClassFixture<CoreFixture<OnSqlite>>
{
    private ApiClients.ApiClientsClient Api => new(core.Host.Channel.CreateCallInvoker());

    private string Page => $"/t/{Tenant.Slug}/settings/api-clients";

    [Fact]
    public async Task Creating_a_client_shows_its_secret_once_with_the_chosen_scopes()
    {
        var (_, session) = await SettingsKit.SignedInAsync(core.Host, Portal, Tenant, EntityRole.Owner);
        using var _ = session;

        var response = await SettingsKit.PostFieldsAsync(session, Page, "create-client",
            [new("Create.Name", "Inventory sync"), new("scope", "devices:read"), new("scope", "audit:read")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await SettingsKit.HtmlOf(response);
        var client = Assert.Single(await ClientsAsync());
        Assert.Equal("Inventory sync", client.Name);
        Assert.Equal(["audit:read", "devices:read"], client.Scopes.Order());
        var secret = SettingsKit.SecretOf(html);
        Assert.Contains($"<code data-client-id>{client.ClientId}</code>", html);
        Assert.DoesNotContain(secret, (await session.GetAsync(Page)).Html);
    }

    [Fact]
    public async Task Rotating_shows_a_new_secret_once_and_revoking_ends_the_client()
    {
        var created = await Api.CreateApiClientAsync(new CreateApiClientRequest { TenantId = Tenant.Id, Name = "rotated", Scopes = { "devices:read" } });
        var (_, session) = await SettingsKit.SignedInAsync(core.Host, Portal, Tenant, EntityRole.Owner);
        using var _ = session;
        var id = created.Client.ClientId;

        var rotated = await session.PostFormAsync($"{Page}?rotate={id}", "rotate-client", new() { ["Rotate.ClientId"] = id });

        var secret = SettingsKit.SecretOf(await SettingsKit.HtmlOf(rotated));
        Assert.NotEqual(created.ClientSecret, secret);
        Assert.True((await ClientsAsync()).Single().SecretCreateTime.ToDateTimeOffset() > created.Client.SecretCreateTime.ToDateTimeOffset());
        Assert.DoesNotContain(secret, (await session.GetAsync(Page)).Html);

        var revoked = await session.PostFormAsync($"{Page}?revoke={id}", "revoke-client", new() { ["Revoke.ClientId"] = id });
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.True((await ClientsAsync()).Single().Revoked);
    }

    [Fact]
    public async Task A_client_past_the_first_page_can_be_rotated_and_revoked_from_its_page()
    {
        for (var i = 0; i < 101; i++)
        {
            var name = $"client {i:D3}";
            await RateLimited.CallAsync(() => Api.CreateApiClientAsync(new CreateApiClientRequest { TenantId = Tenant.Id, Name = name, Scopes = { "devices:read" } }).ResponseAsync);
        }

        var (_, session) = await SettingsKit.SignedInAsync(core.Host, Portal, Tenant, EntityRole.Owner);
        using var _ = session;

        var second = await SettingsKit.SecondPageAsync(session, Page, "More clients");
        var id = SettingsKit.FirstRowId(second.Html, "data-client");
        var rotateLink = SettingsKit.LinkTo(second.Html, $"rotate={id}");
        var revokeLink = SettingsKit.LinkTo(second.Html, $"revoke={id}");
        var (_, confirm) = await session.GetAsync(revokeLink);
        var rotated = await session.PostFormAsync(rotateLink, "rotate-client", new() { ["Rotate.ClientId"] = id });
        var revoked = await session.PostFormAsync(revokeLink, "revoke-client", new() { ["Revoke.ClientId"] = id });

        Assert.Contains("page=", rotateLink);
        Assert.Contains("page=", revokeLink);
        Assert.Contains("Revoke client", confirm);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        SettingsKit.SecretOf(await SettingsKit.HtmlOf(rotated));
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.True((await Api.GetApiClientAsync(new GetApiClientRequest { TenantId = Tenant.Id, ClientId = id })).Revoked);
    }

    [Fact]
    public async Task An_unknown_scope_or_no_name_is_refused_and_creates_nothing()
    {
        var (_, session) = await SettingsKit.SignedInAsync(core.Host, Portal, Tenant, EntityRole.Owner);
        using var _ = session;

        var unknown = await SettingsKit.PostFieldsAsync(session, Page, "create-client", [new("Create.Name", "x"), new("scope", "tenants:write")]);
        var unnamed = await SettingsKit.PostFieldsAsync(session, Page, "create-client", [new("Create.Name", ""), new("scope", "devices:read")]);

        Assert.Contains("data-error", await SettingsKit.HtmlOf(unknown));
        Assert.Contains("data-error", await SettingsKit.HtmlOf(unnamed));
        Assert.Empty(await ClientsAsync());
    }

    [Fact]
    public void The_scope_list_is_every_scope_Core_grants_aTenant_client()
    {
        var portalScopes = SaaSMdm.Portal.Settings.ApiClientScopes.All.Select(scope => scope.Name).Order();

        Assert.Equal(SaaSMdm.Core.Identity.ApiScopes.TenantScopes.Order(), portalScopes);
    }

    [Fact]
    public async Task An_admin_sees_the_clients_but_no_forms_and_a_forged_create_creates_nothing()
    {
        var created = await Api.CreateApiClientAsync(new CreateApiClientRequest { TenantId = Tenant.Id, Name = "listed", Scopes = { "devices:read" } });
        var (_, session) = await SettingsKit.SignedInAsync(core.Host, Portal, Tenant, EntityRole.Admin);
        using var _ = session;

        var page = await session.GetAsync($"{Page}?revoke={created.Client.ClientId}");
        Assert.Contains($"data-client=\"{created.Client.ClientId}\"", page.Html);
        SettingsKit.HasNoChangingForms(page.Html);
        var forged = await session.PostFormAsync(Page, "create-client", new() { ["Create.Name"] = "forged" }, page.Html);
        var forgedRevoke = await session.PostFormAsync($"{Page}?revoke={created.Client.ClientId}", "revoke-client", new() { ["Revoke.ClientId"] = created.Client.ClientId }, page.Html);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forgedRevoke.StatusCode);
        Assert.False(Assert.Single(await ClientsAsync()).Revoked);
    }

    [Fact]
    public async Task Another_tenants_client_cannot_be_revoked_through_this_tenants_page()
    {
        var other = await SettingsKit.NewTenantAsync(core.Host);
        var foreign = await Api.CreateApiClientAsync(new CreateApiClientRequest { TenantId = other.Id, Name = "foreign", Scopes = { "devices:read" } });
        var own = await Api.CreateApiClientAsync(new CreateApiClientRequest { TenantId = Tenant.Id, Name = "own", Scopes = { "devices:read" } });
        var (_, session) = await SettingsKit.SignedInAsync(core.Host, Portal, Tenant, EntityRole.Owner);
        using var _ = session;

        var response = await session.PostFormAsync($"{Page}?revoke={own.Client.ClientId}", "revoke-client", new() { ["Revoke.ClientId"] = foreign.Client.ClientId });

        Assert.Contains("data-error", await SettingsKit.HtmlOf(response));
        var stillActive = await Api.GetApiClientAsync(new GetApiClientRequest { TenantId = other.Id, ClientId = foreign.Client.ClientId });
        Assert.False(stillActive.Revoked);
    }

    private async Task<IReadOnlyList<ApiClient>> ClientsAsync() =>
        (await Api.ListApiClientsAsync(new ListApiClientsRequest { TenantId = Tenant.Id })).Clients;
}
