using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Plist;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Events;
using SaaSMdm.Core.Tests.Gateway;
using SaaSMdm.Core.Webhooks;
using SaaSMdm.Rpc;
using SaaSMdm.TestHosts;
using WebhookDeliveryState = SaaSMdm.Contracts.V1.WebhookDeliveryState;

namespace SaaSMdm.Core.Tests.Events;

public sealed class WebhooksApiOnSqlite(EventsFixture<OnSqlite> fixture, WebhookReceiver receiver)
    : WebhooksApiTests<OnSqlite>(fixture, receiver), IClassFixture<EventsFixture<OnSqlite>>, IClassFixture<WebhookReceiver>;

public sealed class WebhooksApiOnPostgres(EventsFixture<OnPostgres> fixture, WebhookReceiver receiver)
    : WebhooksApiTests<OnPostgres>(fixture, receiver), IClassFixture<EventsFixture<OnPostgres>>, IClassFixture<WebhookReceiver>;

/// <summary>
/// Webhooks end to end: real events reach a receiver on 127.0.0.1 that checks every signature itself; a failing
/// receiver sees retries, the delivery log shows each attempt, repeated failure disables the webhook; refused input
/// changes nothing; another tenant's client is refused on every RPC; secrets never reach the logs.
/// </summary>
public abstract class WebhooksApiTests<TProvider>(EventsFixture<TProvider> fixture, WebhookReceiver receiver) where TProvider : IProviderChoice
{
    /// <summary>A type the tests never cause, for webhooks that should only get test events.</summary>
    private const string QuietType = EventTypes.PushCertificateExpiring;

    [Fact]
    public async Task Events_reach_the_webhook_signed_and_the_delivery_log_shows_each_delivery()
    {
        var tenant = await fixture.SharedTenantAsync();
        using var client = await fixture.ClientOfAsync(tenant.Id);
        var (webhook, name) = await CreateAsync(client, 204);

        var device = await tenant.EnrollDeviceAsync();
        var received = await Eventually.GetAsync(() => receiver.For(name), r => r.Count(w => Body(w)["enrollment_id"]?.ToString() == device.Udid) >= 2, "enrollment events delivered");

        var ours = received.Where(w => Body(w)["enrollment_id"]?.ToString() == device.Udid).ToList();
        Assert.All(ours, w => Assert.True(w.SignatureValid));
        Assert.Equal([EventTypes.DeviceEnrolled, EventTypes.CommandAcknowledged], ours.Select(w => (string)Body(w)["type"]!).Order().Reverse());
        var deviceId = (await fixture.FindEnrollmentAsync(tenant.Id, device.Udid))!.Id.ToString();
        var events = (await client.Events.ListEventsAsync(new ListEventsRequest { TenantId = client.Tenant, PageSize = 1000 })).Events;
        foreach (var delivery in ours)
        {
            var body = Body(delivery);
            var logged = Assert.Single(events, e => e.Id == (string)body["id"]!);
            Assert.Equal(((string)body["id"]!, (string)body["type"]!), (delivery.Headers["SaaSMdm-Event-Id"], delivery.Headers["SaaSMdm-Event-Type"]));
            Assert.Equal((tenant.Id.ToString(), deviceId), ((string?)body["tenant_id"], (string?)body["device_id"]));
            Assert.Equal(JsonNode.Parse(logged.DataJson)!.ToJsonString(), body["data"]!.ToJsonString());
            Assert.Equal(logged.OccurTime.ToDateTime(), DateTime.Parse((string)body["occur_time"]!, null, System.Globalization.DateTimeStyles.RoundtripKind));
            Assert.StartsWith("application/json", delivery.Headers["Content-Type"], StringComparison.Ordinal);
        }

        var log = await Eventually.GetAsync(
            async () => (await client.Webhooks.ListWebhookDeliveriesAsync(new ListWebhookDeliveriesRequest { TenantId = client.Tenant, WebhookId = webhook.Id })).Deliveries,
            deliveries => ours.All(w => deliveries.Any(d => d.Id == w.Headers["SaaSMdm-Delivery-Id"] && d.State == WebhookDeliveryState.Delivered)),
            "deliveries logged as delivered");
        var logged1 = log.Single(d => d.Id == ours[0].Headers["SaaSMdm-Delivery-Id"]);
        Assert.Equal((string)Body(ours[0])["id"]!, logged1.EventId);
        var attempt = Assert.Single(logged1.Attempts);
        Assert.Equal((1, 204, ""), (attempt.Number, attempt.HttpStatus, attempt.Error));
        Assert.NotNull(logged1.CompleteTime);
        Assert.Null(logged1.NextAttemptTime);
    }

    [Fact]
    public async Task A_failing_endpoint_is_retried_with_backoff_and_every_attempt_is_logged()
    {
        using var client = await fixture.ClientOfAsync((await fixture.SharedTenantAsync()).Id);
        var (webhook, name) = await CreateAsync(client, 500, QuietType);

        var test = await client.Webhooks.SendTestEventAsync(new SendTestEventRequest { TenantId = client.Tenant, WebhookId = webhook.Id });
        var failed = await Eventually.GetAsync(() => DeliveryAsync(client, webhook.Id, test.Id), d => d.State == WebhookDeliveryState.Failed, "delivery failed for good");

        Assert.Equal(WebhookDeliveryState.Pending, test.State);
        Assert.Equal(EventTypes.WebhookTest, test.EventType);
        Assert.Equal([1, 2, 3], failed.Attempts.Select(a => a.Number));
        Assert.All(failed.Attempts, a => Assert.Equal((500, "The endpoint answered HTTP 500."), (a.HttpStatus, a.Error)));
        var times = failed.Attempts.Select(a => a.AttemptTime.ToDateTime()).ToList();
        Assert.True(times[1] - times[0] >= TimeSpan.FromSeconds(0.2 * 0.8), $"first retry after {times[1] - times[0]}");
        Assert.True(times[2] - times[1] >= TimeSpan.FromSeconds(0.4 * 0.8), $"second retry after {times[2] - times[1]}");
        var posts = receiver.For(name);
        Assert.Equal(3, posts.Count);
        Assert.All(posts, p => Assert.True(p.SignatureValid));
        Assert.Single(posts.Select(p => (p.Headers["SaaSMdm-Delivery-Id"], p.Headers["SaaSMdm-Event-Id"])).Distinct());
        Assert.Equal(webhook.Id, (string?)Body(posts[0])["data"]!["webhook_id"]);
        var after = await client.Webhooks.GetWebhookAsync(new GetWebhookRequest { TenantId = client.Tenant, WebhookId = webhook.Id });
        Assert.Equal((true, 1), (after.Enabled, after.ConsecutiveFailures));
    }

    [Fact]
    public async Task A_webhook_is_disabled_after_repeated_failures_and_enabling_it_again_resets_it()
    {
        using var client = await fixture.ClientOfAsync((await fixture.SharedTenantAsync()).Id);
        var (webhook, name) = await CreateAsync(client, 503, QuietType);
        var request = new SendTestEventRequest { TenantId = client.Tenant, WebhookId = webhook.Id };
        var waiting = Assert.Single(await AddDeliveriesAsync(client, webhook.Id, 1, DateTime.UtcNow.AddHours(1)));

        for (var i = 0; i < EventsFixture<TProvider>.DisableAfterFailures; i++)
        {
            await client.Webhooks.SendTestEventAsync(request);
        }

        var disabled = await Eventually.GetAsync(
            () => client.Webhooks.GetWebhookAsync(new GetWebhookRequest { TenantId = client.Tenant, WebhookId = webhook.Id }).ResponseAsync,
            w => !w.Enabled, "webhook disabled");
        var refused = await Assert.ThrowsAsync<RpcException>(() => client.Webhooks.SendTestEventAsync(request).ResponseAsync);
        receiver.Answer(name, 200);
        var enabled = await client.Webhooks.UpdateWebhookAsync(new UpdateWebhookRequest { TenantId = client.Tenant, WebhookId = webhook.Id, Enabled = true });
        var test = await client.Webhooks.SendTestEventAsync(request);
        var delivered = await Eventually.GetAsync(() => DeliveryAsync(client, webhook.Id, test.Id), d => d.State == WebhookDeliveryState.Delivered, "test delivered");

        Assert.Contains($"{EventsFixture<TProvider>.DisableAfterFailures} deliveries in a row failed", disabled.DisabledReason, StringComparison.Ordinal);
        Assert.Contains("HTTP 503", disabled.DisabledReason, StringComparison.Ordinal);
        Assert.Equal(EventsFixture<TProvider>.DisableAfterFailures, disabled.ConsecutiveFailures);
        Assert.Equal(WebhookDeliveryState.Failed, (await DeliveryAsync(client, webhook.Id, waiting.ToString())).State);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal((true, 0, ""), (enabled.Enabled, enabled.ConsecutiveFailures, enabled.DisabledReason));
        Assert.Equal(200, Assert.Single(delivered.Attempts).HttpStatus);
    }

    [Fact]
    public async Task Only_the_event_types_a_webhook_names_are_delivered()
    {
        var tenant = await fixture.SharedTenantAsync();
        using var client = await fixture.ClientOfAsync(tenant.Id);
        var (webhook, name) = await CreateAsync(client, 204, EventTypes.CommandError);

        var device = await tenant.EnrollDeviceAsync();
        var enrollmentId = (await fixture.FindEnrollmentAsync(tenant.Id, device.Udid))!.Id;
        var command = MdmCommands.SecurityInfo();
        await fixture.EnqueueAsync(tenant.Id, command, enrollmentId);
        await device.ConnectAsync("Idle");
        await device.ConnectAsync(device.Report("Error", command.CommandUuid, new PlistDictionary().Add("ErrorChain", new PlistArray())));

        var received = await Eventually.GetAsync(() => receiver.For(name), r => r.Any(w => (string?)Body(w)["data"]!["command_uuid"] == command.CommandUuid), "command.error delivered");
        var deliveries = (await client.Webhooks.ListWebhookDeliveriesAsync(new ListWebhookDeliveriesRequest { TenantId = client.Tenant, WebhookId = webhook.Id })).Deliveries;

        Assert.All(received, w => Assert.Equal(EventTypes.CommandError, (string?)Body(w)["type"]));
        Assert.All(deliveries, d => Assert.Equal(EventTypes.CommandError, d.EventType));
        Assert.Equal([EventTypes.CommandError], webhook.EventTypes);
    }

    [Fact]
    public async Task Rotating_the_secret_signs_later_deliveries_with_the_new_one_only()
    {
        using var client = await fixture.ClientOfAsync((await fixture.SharedTenantAsync()).Id);
        var url = receiver.NewHook(out var name);
        var created = await client.Webhooks.CreateWebhookAsync(new CreateWebhookRequest { TenantId = client.Tenant, Url = url, EventTypes = { QuietType } });
        var request = new SendTestEventRequest { TenantId = client.Tenant, WebhookId = created.Webhook.Id };

        var rotated = await client.Webhooks.RotateWebhookSecretAsync(new RotateWebhookSecretRequest { TenantId = client.Tenant, WebhookId = created.Webhook.Id });
        receiver.Trust(name, rotated.Secret);
        await client.Webhooks.SendTestEventAsync(request);
        var post = (await Eventually.GetAsync(() => receiver.For(name), r => r.Count == 1, "test delivered"))[0];

        Assert.NotEqual(created.Secret, rotated.Secret);
        Assert.StartsWith("whsec_", rotated.Secret, StringComparison.Ordinal);
        Assert.True(post.SignatureValid);
        Assert.False(WebhookReceiver.SignatureIsValid(post.Headers["SaaSMdm-Signature"], Encoding.UTF8.GetBytes(post.Body), created.Secret));
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/hook", "", "")]
    [InlineData("/hooks/relative", "", "")]
    [InlineData("http://user:password@127.0.0.1/hook", "", "")]
    [InlineData("http://127.0.0.1/hook#part", "", "")]
    [InlineData("http://127.0.0.1/a b", "", "")]
    [InlineData("", "", "")]
    [InlineData("http://does-not-resolve.invalid/hook", "", "")]
    [InlineData("http://127.0.0.1/hook", "device.renamed", "")]
    [InlineData("http://127.0.0.1/hook", "", "bell \u0007")]
    [InlineData("too long", "", "")]
    [InlineData("http://127.0.0.1/hook", "", "too long")]
    public async Task Refused_urls_types_and_descriptions_are_INVALID_ARGUMENT_and_change_nothing(string url, string type, string description)
    {
        using var client = await fixture.ClientOfAsync((await fixture.SharedTenantAsync()).Id);
        var (existing, _) = await CreateAsync(client, 204, QuietType);
        url = url == "too long" ? "http://127.0.0.1/" + new string('a', 2040) : url;
        description = description == "too long" ? new string('d', 501) : description;
        var before = await ListAsync(client);

        var created = await Assert.ThrowsAsync<RpcException>(() => client.Webhooks.CreateWebhookAsync(new CreateWebhookRequest
        {
            TenantId = client.Tenant, Url = url, Description = description, EventTypes = { type.Length > 0 ? [type] : Array.Empty<string>() },
        }).ResponseAsync);
        var update = new UpdateWebhookRequest { TenantId = client.Tenant, WebhookId = existing.Id, Url = url == "" ? "/" : url, Description = description };
        if (type.Length > 0)
        {
            update.EventTypes = new WebhookEventTypes { Values = { type } };
        }

        var updated = await Assert.ThrowsAsync<RpcException>(() => client.Webhooks.UpdateWebhookAsync(update).ResponseAsync);

        var after = await ListAsync(client);
        await client.Webhooks.DeleteWebhookAsync(new DeleteWebhookRequest { TenantId = client.Tenant, WebhookId = existing.Id });

        Assert.Equal(StatusCode.InvalidArgument, created.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, updated.StatusCode);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Another_tenant_s_client_is_refused_on_every_call_and_cannot_reach_the_tenant_s_webhooks_through_its_own()
    {
        using var client = await fixture.ClientOfAsync((await fixture.SharedTenantAsync()).Id);
        using var stranger = await fixture.ClientOfAsync((await fixture.OtherTenantAsync()).Id);
        var (webhook, _) = await CreateAsync(client, 204, QuietType);
        var before = await ListAsync(client);

        foreach (var call in WebhookCalls(stranger.Webhooks, client.Tenant, webhook.Id))
        {
            Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(call)).StatusCode);
        }

        foreach (var call in WebhookCalls(stranger.Webhooks, stranger.Tenant, webhook.Id).Skip(2))
        {
            Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(call)).StatusCode);
        }

        Assert.Equal(before, await ListAsync(client));
        Assert.DoesNotContain((await stranger.Webhooks.ListWebhooksAsync(new ListWebhooksRequest { TenantId = stranger.Tenant })).Webhooks, w => w.Id == webhook.Id);
    }

    [Fact]
    public async Task Without_the_webhooks_scopes_a_tenant_s_own_client_is_refused()
    {
        var tenant = await fixture.SharedTenantAsync();
        using var client = await fixture.ClientOfAsync(tenant.Id);
        using var reader = await fixture.ClientOfAsync(tenant.Id, SaaSMdm.Core.Identity.ApiScopes.WebhooksRead);
        var (webhook, _) = await CreateAsync(client, 204, QuietType);

        var calls = WebhookCalls(reader.Webhooks, reader.Tenant, webhook.Id);
        foreach (var read in new[] { 1, 2, 6 })
        {
            await calls[read]();
        }

        var writes = await Task.WhenAll(new[] { 0, 3, 4, 5, 7 }.Select(i => Assert.ThrowsAsync<RpcException>(calls[i])));

        Assert.All(writes, e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
    }

    [Fact]
    public async Task Concurrent_dispatch_rounds_send_each_attempt_once()
    {
        using var client = await fixture.ClientOfAsync((await fixture.SharedTenantAsync()).Id);
        var (webhook, name) = await CreateAsync(client, 204, QuietType);
        const int Count = 40;
        await AddDeliveriesAsync(client, webhook.Id, Count, DateTime.UtcNow.AddSeconds(-1));

        var dispatcher = fixture.Host.Services.GetRequiredService<WebhookDispatcher>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => dispatcher.RunOnceAsync(CancellationToken.None))));
        var pages = await Eventually.GetAsync(() => ListPagedAsync(client, webhook.Id), all => all.All(d => d.State == WebhookDeliveryState.Delivered), "every delivery sent and recorded");
        var posts = receiver.For(name);

        Assert.Equal(Count, posts.Select(p => p.Headers["SaaSMdm-Delivery-Id"]).Distinct().Count());
        Assert.Equal(Count, posts.Count);
        Assert.Equal(Count, pages.Select(d => d.Id).Distinct().Count());
        Assert.Equal(pages.Select(d => Guid.Parse(d.Id)).OrderDescending(), pages.Select(d => Guid.Parse(d.Id)));
        Assert.All(pages, d => Assert.Single(d.Attempts));
    }

    [Fact]
    public async Task Webhook_secrets_never_appear_in_the_logs()
    {
        using var client = await fixture.ClientOfAsync((await fixture.SharedTenantAsync()).Id);
        var (webhook, name) = await CreateAsync(client, 500, QuietType);
        var rotated = await client.Webhooks.RotateWebhookSecretAsync(new RotateWebhookSecretRequest { TenantId = client.Tenant, WebhookId = webhook.Id });
        receiver.Trust(name, rotated.Secret);
        var test = await client.Webhooks.SendTestEventAsync(new SendTestEventRequest { TenantId = client.Tenant, WebhookId = webhook.Id });
        await Eventually.GetAsync(() => DeliveryAsync(client, webhook.Id, test.Id), d => d.State == WebhookDeliveryState.Failed, "failed delivery");
        var stored = await fixture.ReadAsync(client.TenantId, db => Task.FromResult(db.Webhooks.Single(w => w.Id == Guid.Parse(webhook.Id)).ProtectedSecret));

        var logs = fixture.Host.Logs.AllText;
        Assert.Contains(webhook.Id, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(rotated.Secret["whsec_".Length..], logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Secrets[webhook.Id]["whsec_".Length..], logs, StringComparison.Ordinal);
        Assert.DoesNotContain(rotated.Secret, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(rotated.Secret, receiver.For(name)[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_webhook_with_a_long_backlog_leaves_slots_for_another_webhook_in_the_same_round()
    {
        using var client = await fixture.ClientOfAsync((await fixture.SharedTenantAsync()).Id);
        var (dead, _) = await CreateAsync(client, 500, QuietType);
        var (alive, _) = await CreateAsync(client, 204, QuietType);
        // Due an hour from now: the host's own dispatcher leaves them alone, a claim running an hour ahead takes them.
        var dueAt = DateTime.UtcNow.AddHours(1);
        await AddDeliveriesAsync(client, dead.Id, 40, dueAt.AddMinutes(-1));
        var other = Assert.Single(await AddDeliveriesAsync(client, alive.Id, 1, dueAt));
        var services = fixture.Host.Services;
        var options = services.GetRequiredService<IOptions<WebhookOptions>>();
        var anHourAhead = new WebhookDeliveries(
            services.GetRequiredService<IServiceScopeFactory>(), options, new ShiftedClock(TimeSpan.FromMinutes(61)), NullLogger<WebhookDeliveries>.Instance);

        var claimed = await anHourAhead.ClaimDueAsync(CancellationToken.None);
        await fixture.InTenantAsync(client.TenantId, async (db, _) =>
        {
            var lease = claimed.Select(c => (Guid?)c.LeaseToken).FirstOrDefault();
            await db.WebhookDeliveries.IgnoreQueryFilters().Where(d => d.LeaseToken == lease)
                .ExecuteUpdateAsync(update => update.SetProperty(d => d.LeaseToken, (Guid?)null).SetProperty(d => d.LeaseUntil, (DateTime?)null));
        });
        foreach (var webhook in new[] { dead, alive })
        {
            await client.Webhooks.DeleteWebhookAsync(new DeleteWebhookRequest { TenantId = client.Tenant, WebhookId = webhook.Id });
        }

        var slots = options.Value.MaxConcurrentDeliveries;
        Assert.Contains(claimed, d => d.Id == other);
        Assert.InRange(claimed.Count, 2, slots);
        Assert.InRange(claimed.Count(d => d.WebhookId == Guid.Parse(dead.Id)), 1, slots / 2);
    }

    [Fact]
    public async Task Disabling_a_webhook_fails_its_pending_deliveries_and_enabling_it_again_does_not_replay_them()
    {
        using var client = await fixture.ClientOfAsync((await fixture.SharedTenantAsync()).Id);
        var (webhook, name) = await CreateAsync(client, 204, QuietType);
        var waiting = await AddDeliveriesAsync(client, webhook.Id, 3, DateTime.UtcNow.AddSeconds(2));
        var update = new UpdateWebhookRequest { TenantId = client.Tenant, WebhookId = webhook.Id, Enabled = false };

        await client.Webhooks.UpdateWebhookAsync(update);
        update.Enabled = true;
        await client.Webhooks.UpdateWebhookAsync(update);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var log = (await client.Webhooks.ListWebhookDeliveriesAsync(new ListWebhookDeliveriesRequest { TenantId = client.Tenant, WebhookId = webhook.Id })).Deliveries;

        Assert.Equal(waiting.Order(), log.Select(d => Guid.Parse(d.Id)).Order());
        Assert.All(log, d => Assert.Equal((WebhookDeliveryState.Failed, 0), (d.State, d.Attempts.Count)));
        Assert.Empty(receiver.For(name));
    }

    private static async Task<List<WebhookDelivery>> ListPagedAsync(TenantClient client, string webhookId)
    {
        var pages = new List<WebhookDelivery>();
        var token = "";
        do
        {
            var page = await client.Webhooks.ListWebhookDeliveriesAsync(new ListWebhookDeliveriesRequest { TenantId = client.Tenant, WebhookId = webhookId, PageSize = 7, PageToken = token });
            pages.AddRange(page.Deliveries);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return pages;
    }

    /// <summary>Stores <paramref name="count"/> test deliveries to <paramref name="webhookId"/>, due at <paramref name="dueAt"/>.</summary>
    private async Task<List<Guid>> AddDeliveriesAsync(TenantClient client, string webhookId, int count, DateTime dueAt)
    {
        var deliveries = Enumerable.Range(0, count).Select(i =>
        {
            var eventId = Guid.NewGuid();
            return new WebhookDeliveryEntity
            {
                Id = Guid.CreateVersion7(),
                TenantId = client.TenantId,
                WebhookId = Guid.Parse(webhookId),
                EventId = eventId,
                EventType = EventTypes.WebhookTest,
                Payload = WebhookPayload.Of(eventId, EventTypes.WebhookTest, dueAt, client.TenantId, null, null, new JsonObject { ["n"] = i }),
                CreatedAt = DateTime.UtcNow,
                NextAttemptAt = dueAt,
            };
        }).ToList();
        await fixture.InTenantAsync(client.TenantId, async (db, _) =>
        {
            db.WebhookDeliveries.AddRange(deliveries);
            await db.SaveChangesAsync();
        });
        return [.. deliveries.Select(d => d.Id)];
    }

    private Dictionary<string, string> Secrets { get; } = [];

    /// <summary>A webhook to a new hook of the receiver that answers <paramref name="status"/>, trusted with its secret.</summary>
    private async Task<(Webhook Webhook, string Name)> CreateAsync(TenantClient client, int status, params string[] types)
    {
        var url = receiver.NewHook(out var name, status);
        var created = await client.Webhooks.CreateWebhookAsync(new CreateWebhookRequest { TenantId = client.Tenant, Url = url, EventTypes = { types }, Description = "test " + name });
        receiver.Trust(name, created.Secret);
        Secrets[created.Webhook.Id] = created.Secret;
        Assert.True(created.Webhook.Enabled);
        return (created.Webhook, name);
    }

    private static async Task<WebhookDelivery> DeliveryAsync(TenantClient client, string webhookId, string deliveryId) =>
        (await client.Webhooks.ListWebhookDeliveriesAsync(new ListWebhookDeliveriesRequest { TenantId = client.Tenant, WebhookId = webhookId, PageSize = 200 }))
            .Deliveries.Single(d => d.Id == deliveryId);

    private static async Task<string> ListAsync(TenantClient client) =>
        (await client.Webhooks.ListWebhooksAsync(new ListWebhooksRequest { TenantId = client.Tenant })).ToString();

    /// <summary>Every Webhooks RPC about <paramref name="webhookId"/> in <paramref name="tenantId"/>: Create, List, then the calls that name the webhook.</summary>
    private List<Func<Task>> WebhookCalls(Contracts.V1.Webhooks.WebhooksClient api, string tenantId, string webhookId) =>
    [
        () => api.CreateWebhookAsync(new CreateWebhookRequest { TenantId = tenantId, Url = receiver.NewHook(out _) }).ResponseAsync,
        () => api.ListWebhooksAsync(new ListWebhooksRequest { TenantId = tenantId }).ResponseAsync,
        () => api.GetWebhookAsync(new GetWebhookRequest { TenantId = tenantId, WebhookId = webhookId }).ResponseAsync,
        () => api.UpdateWebhookAsync(new UpdateWebhookRequest { TenantId = tenantId, WebhookId = webhookId, Enabled = false }).ResponseAsync,
        () => api.RotateWebhookSecretAsync(new RotateWebhookSecretRequest { TenantId = tenantId, WebhookId = webhookId }).ResponseAsync,
        () => api.DeleteWebhookAsync(new DeleteWebhookRequest { TenantId = tenantId, WebhookId = webhookId }).ResponseAsync,
        () => api.ListWebhookDeliveriesAsync(new ListWebhookDeliveriesRequest { TenantId = tenantId, WebhookId = webhookId }).ResponseAsync,
        () => api.SendTestEventAsync(new SendTestEventRequest { TenantId = tenantId, WebhookId = webhookId }).ResponseAsync,
    ];

    private static JsonObject Body(ReceivedWebhook webhook) => JsonNode.Parse(webhook.Body)!.AsObject();
}
