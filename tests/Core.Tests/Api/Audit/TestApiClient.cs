using SaaSMdm.Contracts.Auth;
using SaaSMdm.Core.Identity;
using SaaSMdm.Rpc.Client;
using SaaSMdm.Core.Tests.Api.Authorization;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests.Api.Audit;

/// <summary>An API client of one tenant with a channel carrying its tokens.</summary>
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
        var client = await new TestCallers(host).CreateClientAsync(Guid.Parse(tenantId), scopes.Length == 0 ? ApiScopes.TenantScopes : scopes);
        return new TestApiClient(host, client.Id, client.ClientId, client.Secret);
    }

    public void Dispose()
    {
        Channel.Dispose();
        _credentials.Dispose();
        _http.Dispose();
    }
}
