using SaaSMdm.Contracts.Auth;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Rpc.Client;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Api.Bench;

/// <summary>
/// A tenant made through the operator's API with <see cref="DeclarationCount"/> declarations, and an API client of
/// that tenant (made through the ApiClients API) whose calls take the tenant-access path of clients.
/// </summary>
internal sealed class BenchTenant : IDisposable
{
    public const int DeclarationCount = 20;

    private const string DeclarationType = "com.apple.configuration.management.test";

    /// <summary>What the tenant's client may do: every call the bench makes, nothing more.</summary>
    private static readonly string[] ClientScopes = ["declarations:read", "declarations:write", "tenants:read"];

    private readonly HttpClient _tokenHttp = new();
    private readonly ClientCredentials _clientCredentials;

    /// <summary>How often each declaration was put, so that every put changes it (flipping between two payloads).</summary>
    private readonly int[] _puts = new int[DeclarationCount];

    private BenchTenant(SystemUnderTest system, string id, string clientId, string clientSecret)
    {
        Id = id;
        ClientId = clientId;
        ClientSecret = clientSecret;
        TokenEndpoint = new TokenEndpointClient(_tokenHttp, TokenEndpointClient.EndpointOf(system.CoreHttpAddress));
        _clientCredentials = new ClientCredentials(TokenEndpoint, clientId, clientSecret);
        ClientChannel = GrpcChannel.ForAddress(system.CoreGrpcAddress, new GrpcChannelOptions { Credentials = _clientCredentials });
    }

    public string Id { get; }

    public string ClientId { get; }

    public string ClientSecret { get; }

    public TokenEndpointClient TokenEndpoint { get; }

    /// <summary>A channel to Core whose calls carry the tenant client's access tokens.</summary>
    public GrpcChannel ClientChannel { get; }

    public static async Task<BenchTenant> CreateAsync(SystemUnderTest system)
    {
        var slug = $"bench-{Guid.NewGuid():N}"[..24];
        var tenant = await system.Tenants.CreateTenantAsync(new CreateTenantRequest { Slug = slug, DisplayName = "API bench" });
        var created = await new ApiClients.ApiClientsClient(system.Channel.CreateCallInvoker()).CreateApiClientAsync(
            new CreateApiClientRequest { TenantId = tenant.Id, Name = "API bench", Scopes = { ClientScopes } });
        var benchTenant = new BenchTenant(system, tenant.Id, created.Client.ClientId, created.ClientSecret);
        var declarations = new Declarations.DeclarationsClient(system.Channel.CreateCallInvoker());
        for (var index = 0; index < DeclarationCount; index++)
        {
            await declarations.PutDeclarationAsync(benchTenant.NextPut(index));
        }

        return benchTenant;
    }

    /// <summary>Changes declaration <paramref name="index"/> (modulo the count) to the payload it does not have now.</summary>
    public PutDeclarationRequest NextPut(int index)
    {
        var slot = index % DeclarationCount;
        var put = Interlocked.Increment(ref _puts[slot]);
        return new PutDeclarationRequest
        {
            TenantId = Id,
            Identifier = $"com.example.bench.{slot}",
            Type = DeclarationType,
            PayloadJson = $$"""{"Echo": "{{(put % 2 == 0 ? "even" : "odd")}}"}""",
        };
    }

    public void Dispose()
    {
        ClientChannel.Dispose();
        _clientCredentials.Dispose();
        _tokenHttp.Dispose();
    }
}
