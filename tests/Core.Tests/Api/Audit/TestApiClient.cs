using Microsoft.Extensions.DependencyInjection;
using SaaSMdm.Contracts.Auth;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Identity;
using SaaSMdm.Core.Security;
using SaaSMdm.Rpc.Client;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests.Api.Audit;

/// <summary>An API client of one tenant, stored as the accounts API would store it, with a channel carrying its tokens.</summary>
public sealed class TestApiClient : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly ClientCredentials _credentials;

    private TestApiClient(CoreTestHost host, Guid id, string clientId, string secret)
    {
        Id = id;
        ClientId = clientId;
        _credentials = new ClientCredentials(new TokenEndpointClient(_http, TokenEndpointClient.EndpointOf(host.HttpAddress)), clientId, secret);
        Channel = GrpcChannel.ForAddress(host.GrpcAddress, new GrpcChannelOptions { Credentials = _credentials });
    }

    /// <summary>The client's internal id (an audit entry's actor_id).</summary>
    public Guid Id { get; }

    /// <summary>The public client_id (an audit entry's actor_name).</summary>
    public string ClientId { get; }

    public GrpcChannel Channel { get; }

    public static async Task<TestApiClient> CreateAsync(CoreTestHost host, string tenantId, params string[] scopes)
    {
        var clientId = "test-client-" + Guid.NewGuid().ToString("N")[..12];
        var secret = ClientSecrets.NewSecret();
        var now = StoredTime.UtcNow(TimeProvider.System);
        var client = new ApiClientEntity
        {
            Id = Guid.NewGuid(),
            ClientId = clientId,
            Name = "Audit test client",
            SecretHash = SecretHash.Of(secret),
            TenantId = Guid.Parse(tenantId),
            Scopes = ApiScopes.Format(scopes.Length == 0 ? ApiScopes.TenantScopes : scopes),
            CreatedAt = now,
            SecretCreatedAt = now,
        };
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
            db.ApiClients.Add(client);
            await db.SaveChangesAsync();
        }

        return new TestApiClient(host, client.Id, clientId, secret);
    }

    public void Dispose()
    {
        Channel.Dispose();
        _credentials.Dispose();
        _http.Dispose();
    }
}
