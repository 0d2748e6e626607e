using System.Net;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Rpc;
using SaaSMdm.TestHosts;
using EntityRole = SaaSMdm.Core.Data.Entities.TenantRole;

namespace SaaSMdm.Portal.Tests.Settings;

/// <summary>The webhooks pages over HTTP against a real Core: create with the secret once, edit, disable, test event and its delivery, rotate, delete.</summary>
public sealed class WebhooksPageTests(WebhookCoreFixture core) : PortalPageTests(() => core.Host), IClassFixture<WebhookCoreFixture>
{
    private Webhooks.WebhooksClient Api => new(core.Host.Channel.CreateCallInvoker());

    private string Page => $"/t/{Tenant.Slug}/settings/webhooks";

    /// <summary>Core's own health probe: it answers a webhook's POST with 405, a delivery that fails with a response code.</summary>
    private string Receiver => new Uri(core.Host.HttpAddress, "/healthz").ToString();

    [Fact]
    public async Task Creating_a_webhook_shows_its_secret_once_with_the_chosen_events()
    {
        var (_, session) = await SettingsKit.SignedInAsync(core.Host, Portal, Tenant, EntityRole.Admin);
        using var _ = session;

        var response = await SettingsKit.PostFieldsAsync(session, Page, "create-webhook",
            [new("Create.Url", Receiver), new("Create.Description", "Ticketing"), new("event-type", "device.enrolled"), new("event-type", "command.error")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var secret = SettingsKit.SecretOf(await SettingsKit.HtmlOf(response));
        var webhook = Assert.Single(await WebhooksAsync());
        Assert.Equal(Receiver, webhook.Url);
        Assert.Equal(["command.error", "device.enrolled"], webhook.EventTypes.Order());
        Assert.True(webhook.Enabled);
        var list = (await session.GetAsync(Page)).Html;
        Assert.Contains($"data-webhook=\"{webhook.Id}\"", list);
        Assert.DoesNotContain(secret, list);
        Assert.DoesNotContain(secret, (await session.GetAsync($"{Page}/{webhook.Id}")).Html);
    }

    [Fact]
    public async Task A_refused_URL_is_shown_and_creates_nothing()
    {
        var (_, session) = await SettingsKit.SignedInAsync(core.Host, Portal, Tenant, EntityRole.Admin);
        using var _ = session;

        var response = await SettingsKit.PostFieldsAsync(session, Page, "create-webhook", [new("Create.Url", "ftp://example.test/x"), new("event-type", "device.enrolled")]);

        var html = await SettingsKit.HtmlOf(response);
        Assert.Contains("must be an https URL", html);
        Assert.Contains("value=\"device.enrolled\" checked", html);
        Assert.Empty(await WebhooksAsync());
    }

    [Fact]
    public async Task The_webhook_page_edits_disables_sends_a_test_event_lists_it_rotates_and_deletes()
    {
        var created = await Api.CreateWebhookAsync(new CreateWebhookRequest { TenantId = Tenant.Id, Url = Receiver });
        var (_, session) = await SettingsKit.SignedInAsync(core.Host, Portal, Tenant, EntityRole.Admin);
        using var _ = session;
        var page = $"{Page}/{created.Webhook.Id}";

        var edited = await SettingsKit.PostFieldsAsync(session, page, "edit-webhook", [new("Edit.Url", Receiver + "?v=2"), new("Edit.Description", "renamed"), new("event-type", "command.acknowledged")]);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var webhook = await GetAsync(created.Webhook.Id);
        Assert.Equal(("renamed", Receiver + "?v=2"), (webhook.Description, webhook.Url));
        Assert.Equal(["command.acknowledged"], webhook.EventTypes);

        var disabled = await session.PostFormAsync(page, "toggle-webhook", new() { ["Toggle.Enabled"] = "False" });
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.False((await GetAsync(created.Webhook.Id)).Enabled);
        await session.PostFormAsync(page, "toggle-webhook", new() { ["Toggle.Enabled"] = "True" });
        Assert.True((await GetAsync(created.Webhook.Id)).Enabled);

        var tested = await SettingsKit.HtmlOf(await session.PostFormAsync(page, "test-webhook", []));
        Assert.Contains("test event is queued", tested);
        var delivery = Assert.Single((await Api.ListWebhookDeliveriesAsync(new ListWebhookDeliveriesRequest { TenantId = Tenant.Id, WebhookId = created.Webhook.Id })).Deliveries);
        Assert.Contains($"data-delivery=\"{delivery.Id}\"", (await session.GetAsync(page)).Html);

        var rotated = SettingsKit.SecretOf(await SettingsKit.HtmlOf(await session.PostFormAsync(page, "rotate-webhook", [])));
        Assert.NotEqual(created.Secret, rotated);
        Assert.DoesNotContain(rotated, (await session.GetAsync(page)).Html);

        var deleted = await session.PostFormAsync($"{page}?delete=1", "delete-webhook", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Empty(await WebhooksAsync());
    }

    [Fact]
    public async Task Read_only_sees_webhooks_and_deliveries_but_no_forms_and_a_forged_post_changes_nothing()
    {
        var created = await Api.CreateWebhookAsync(new CreateWebhookRequest { TenantId = Tenant.Id, Url = Receiver });
        var (_, session) = await SettingsKit.SignedInAsync(core.Host, Portal, Tenant, EntityRole.ReadOnly);
        using var _ = session;
        var page = $"{Page}/{created.Webhook.Id}";

        var list = await session.GetAsync(Page);
        var detail = await session.GetAsync($"{page}?delete=1");
        SettingsKit.HasNoChangingForms(list.Html);
        SettingsKit.HasNoChangingForms(detail.Html);
        Assert.Contains("Deliveries", detail.Html);

        var forgedDelete = await session.PostFormAsync($"{page}?delete=1", "delete-webhook", [], detail.Html);
        var forgedDisable = await session.PostFormAsync(page, "toggle-webhook", new() { ["Toggle.Enabled"] = "False" }, detail.Html);

        Assert.Equal(HttpStatusCode.BadRequest, forgedDelete.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forgedDisable.StatusCode);
        Assert.True((await GetAsync(created.Webhook.Id)).Enabled);
    }

    [Fact]
    public async Task AnotherTenants_webhook_or_an_unknown_id_is_not_found()
    {
        var other = await SettingsKit.NewTenantAsync(core.Host);
        var foreign = await Api.CreateWebhookAsync(new CreateWebhookRequest { TenantId = other.Id, Url = Receiver });
        var (_, session) = await SettingsKit.SignedInAsync(core.Host, Portal, Tenant, EntityRole.Admin);
        using var _ = session;

        var page = await session.GetAsync($"{Page}/{foreign.Webhook.Id}");
        var unknown = await session.GetAsync($"{Page}/{Guid.NewGuid()}");
        var malformed = await session.GetAsync($"{Page}/not-an-id");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal(HttpStatusCode.NotFound, malformed.Status);
        Assert.DoesNotContain("data-webhook=", page.Html);
        Assert.True((await Api.GetWebhookAsync(new GetWebhookRequest { TenantId = other.Id, WebhookId = foreign.Webhook.Id })).Enabled);
    }

    private async Task<IReadOnlyList<Webhook>> WebhooksAsync() => (await Api.ListWebhooksAsync(new ListWebhooksRequest { TenantId = Tenant.Id })).Webhooks;

    private async Task<Webhook> GetAsync(string id) => await Api.GetWebhookAsync(new GetWebhookRequest { TenantId = Tenant.Id, WebhookId = id });
}
