using SaaSMdm.Contracts.Auth;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Rpc.Client;
using SaaSMdm.TestHosts;

namespace SaaSMdm.DeviceList.Bench;

/// <summary>A tenant made through the operator's API and an API client of it that may read devices, as the portal's callers do.</summary>
internal sealed class BenchTenant : IDisposable
{
    private static readonly string[] ClientScopes = ["devices:read"];

    private readonly HttpClient _tokenHttp = new();
    private readonly ClientCredentials _credentials;

    private BenchTenant(SystemUnderTest system, string id, string slug, string clientId, string clientSecret)
    {
        Id = id;
        Slug = slug;
        _credentials = new ClientCredentials(new TokenEndpointClient(_tokenHttp, TokenEndpointClient.EndpointOf(system.CoreHttpAddress)), clientId, clientSecret);
        ClientChannel = GrpcChannel.ForAddress(system.CoreGrpcAddress, new GrpcChannelOptions { Credentials = _credentials });
    }

    public string Id { get; }

    /// <summary>The tenant's name in the portal's addresses.</summary>
    public string Slug { get; }

    /// <summary>A channel to Core whose calls carry the tenant client's access tokens.</summary>
    public GrpcChannel ClientChannel { get; }

    public static async Task<BenchTenant> CreateAsync(SystemUnderTest system)
    {
        var slug = $"grid-{Guid.NewGuid():N}"[..24];
        var tenant = await system.Tenants.CreateTenantAsync(new CreateTenantRequest { Slug = slug, DisplayName = "Device list bench" });
        var created = await new ApiClients.ApiClientsClient(system.Channel.CreateCallInvoker()).CreateApiClientAsync(
            new CreateApiClientRequest { TenantId = tenant.Id, Name = "Device list bench", Scopes = { ClientScopes } });
        return new BenchTenant(system, tenant.Id, slug, created.Client.ClientId, created.ClientSecret);
    }

    public void Dispose()
    {
        ClientChannel.Dispose();
        _credentials.Dispose();
        _tokenHttp.Dispose();
    }
}
