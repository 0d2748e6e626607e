using SaaSMdm.Contracts.Auth;
using SaaSMdm.Rpc.Client;

namespace SaaSMdm.TestHosts;

public static class TestSecrets
{
    /// <summary>The Edge↔Core gateway secret every test host shares.</summary>
    public const string GatewaySecret = "test-gateway-secret-0123456789abcdef";

    /// <summary>The operator API client every test Core bootstraps; tests reach the API with its tokens.</summary>
    public const string OperatorClientId = "test-operator";

    public const string OperatorClientSecret = "test-operator-secret-0123456789abcdef";

    /// <summary>The portal client every test Core bootstraps (password and refresh-token grants).</summary>
    public const string PortalClientId = "test-portal";

    public const string PortalClientSecret = "test-portal-secret-0123456789abcdef";

    /// <summary>Core settings (configuration keys) that bootstrap the test clients.</summary>
    public static IReadOnlyDictionary<string, string> BootstrapSettings { get; } = new Dictionary<string, string>
    {
        ["Bootstrap:OperatorClientId"] = OperatorClientId,
        ["Bootstrap:OperatorClientSecret"] = OperatorClientSecret,
        ["Bootstrap:PortalClientId"] = PortalClientId,
        ["Bootstrap:PortalClientSecret"] = PortalClientSecret,
    };

    /// <summary>A channel to Core's API whose calls carry the operator client's tokens.</summary>
    /// <param name="coreHttpAddress">Core's HTTP address, where its token endpoint is.</param>
    public static GrpcChannel OperatorChannel(Uri coreGrpcAddress, Uri coreHttpAddress) =>
        GrpcChannel.ForAddress(coreGrpcAddress, new GrpcChannelOptions
        {
            Credentials = new ClientCredentials(
                new TokenEndpointClient(new HttpClient(), TokenEndpointClient.EndpointOf(coreHttpAddress)), OperatorClientId, OperatorClientSecret),
        });
}
