using SaaSMdm.TestSupport;
using Xunit.Abstractions;

namespace SaaSMdm.Core.Tests.Samples;

/// <summary>Runs samples/node/sample.mjs (grpc-js from npm) as an MSP would, configured through its environment.</summary>
public static class NodeSample
{
    private static readonly string Directory = RepositoryPaths.Combine("samples", "node");

    /// <param name="grpcAddress">CORE_GRPC: host:port for cleartext, https://host:port for TLS.</param>
    /// <param name="extra">More variables, e.g. CORE_CA_FILE.</param>
    public static async Task<ToolResult> RunAsync(
        string grpcAddress, Uri httpAddress, SampleTenant tenant, string secret, ITestOutputHelper log, IReadOnlyDictionary<string, string>? extra = null)
    {
        if (!System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "@grpc", "grpc-js")))
        {
            throw new InvalidOperationException($"The Node sample's packages are not installed: run 'npm ci' in {Directory} (scripts/test.sh does this).");
        }

        var environment = new Dictionary<string, string>
        {
            ["CORE_GRPC"] = grpcAddress,
            ["CORE_HTTP"] = httpAddress.ToString(),
            ["CLIENT_ID"] = tenant.ClientId,
            ["CLIENT_SECRET"] = secret,
            ["TENANT_ID"] = tenant.TenantId,
            ["WATCH_SECONDS"] = "1",
        };
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        var result = await ExternalTool.RunAsync("node", [Path.Combine(Directory, "sample.mjs")], TimeSpan.FromSeconds(60), Directory, environment);
        log.WriteLine(result.ToString());
        return result;
    }
}
