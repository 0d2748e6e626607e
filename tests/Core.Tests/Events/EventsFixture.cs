using Microsoft.Extensions.DependencyInjection;
using SaaSMdm.Contracts.Auth;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Identity;
using SaaSMdm.Core.Security;
using SaaSMdm.Core.Tests.Gateway;
using SaaSMdm.Rpc.Client;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests.Events;

/// <summary>
/// Core for the events and webhooks tests: webhooks may go to the test receiver (http on 127.0.0.1), retries and
/// polls are quick, and maintenance jobs run only when a test runs them.
/// </summary>
public sealed class EventsFixture<TProvider> : GatewayFixture<TProvider> where TProvider : IProviderChoice
{
    public const int MaxAttempts = 3;

    public const int DisableAfterFailures = 2;

    public const int MaxStreamsPerCaller = 3;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Webhooks:AllowInsecureHttp"] = "true",
        ["Webhooks:AllowPrivateNetworks"] = "true",
        ["Webhooks:PollMilliseconds"] = "100",
        ["Webhooks:RetryBaseSeconds"] = "0.2",
        ["Webhooks:MaxAttempts"] = MaxAttempts.ToString(),
        ["Webhooks:DisableAfterFailures"] = DisableAfterFailures.ToString(),
        ["Webhooks:TimeoutSeconds"] = "3",
        ["Events:PollMilliseconds"] = "100",
        ["Events:WatchRecheckSeconds"] = "1",
        ["Events:MaxStreamsPerCaller"] = MaxStreamsPerCaller.ToString(),
        ["Retention:FirstSweepDelaySeconds"] = "86400",
    };

    /// <summary>A channel to Core's API as a new API client of <paramref name="tenantId"/> with <paramref name="scopes"/> (all of the events and webhooks scopes by default).</summary>
    public async Task<TenantClient> ClientOfAsync(Guid tenantId, params string[] scopes)
    {
        var clientId = "events-test-" + Guid.NewGuid().ToString("N")[..12];
        var secret = "events-test-secret-" + Guid.NewGuid().ToString("N");
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
            db.ApiClients.Add(new ApiClientEntity
            {
                Id = Guid.NewGuid(),
                ClientId = clientId,
                Name = clientId,
                SecretHash = SecretHash.Of(secret),
                TenantId = tenantId,
                Scopes = ApiScopes.Format(scopes.Length > 0 ? scopes : [ApiScopes.EventsRead, ApiScopes.WebhooksRead, ApiScopes.WebhooksWrite, ApiScopes.DevicesWrite]),
                CreatedAt = DateTime.UtcNow,
                SecretCreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var channel = GrpcChannel.ForAddress(Host.GrpcAddress, new GrpcChannelOptions
        {
            Credentials = new ClientCredentials(new TokenEndpointClient(new HttpClient(), TokenEndpointClient.EndpointOf(Host.HttpAddress)), clientId, secret),
        });
        return new TenantClient(tenantId, clientId, channel);
    }
}

/// <summary>An API client of one tenant, with typed clients for the services under test.</summary>
public sealed record TenantClient(Guid TenantId, string ClientId, GrpcChannel Channel) : IDisposable
{
    public string Tenant => TenantId.ToString();

    public Contracts.V1.Events.EventsClient Events => new(Channel.CreateCallInvoker());

    public Contracts.V1.Webhooks.WebhooksClient Webhooks => new(Channel.CreateCallInvoker());

    public Contracts.V1.Devices.DevicesClient Devices => new(Channel.CreateCallInvoker());

    public void Dispose() => Channel.Dispose();
}
