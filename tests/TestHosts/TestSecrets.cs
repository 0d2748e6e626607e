namespace SaaSMdm.TestHosts;

public static class TestSecrets
{
    /// <summary>The Edge↔Core gateway secret every test host shares.</summary>
    public const string GatewaySecret = "test-gateway-secret-0123456789abcdef";
}
