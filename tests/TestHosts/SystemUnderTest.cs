using System.Security.Cryptography.X509Certificates;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Rpc.Client;
using TenantsClient = SaaSMdm.Contracts.V1.Tenants.TenantsClient;

namespace SaaSMdm.TestHosts;

/// <summary>
/// Core and Edge as separate processes over one database, wired as in production except for the
/// development TLS certificate of Edge.
/// </summary>
public sealed class SystemUnderTest : IAsyncDisposable
{
    private readonly IDictionary<string, string> _coreEnvironment;
    private readonly Uri _coreReadiness;

    private SystemUnderTest(
        TestDatabase database, HostProcess core, IDictionary<string, string> coreEnvironment, Uri coreReadiness,
        HostProcess edge, Uri coreGrpc, Uri edgeUrl, string edgeDataDirectory)
    {
        Database = database;
        Core = core;
        _coreEnvironment = coreEnvironment;
        _coreReadiness = coreReadiness;
        Edge = edge;
        CoreGrpcAddress = coreGrpc;
        EdgeAddress = edgeUrl;
        EdgeDataDirectory = edgeDataDirectory;
        CoreHttpAddress = new Uri(coreReadiness, "/");
        Channel = TestSecrets.OperatorChannel(coreGrpc, CoreHttpAddress);
    }

    public TestDatabase Database { get; }

    public HostProcess Core { get; private set; }

    public HostProcess Edge { get; }

    public Uri CoreGrpcAddress { get; }

    /// <summary>Core's HTTP address: probes and the OAuth2 token endpoint.</summary>
    public Uri CoreHttpAddress { get; }

    public Uri EdgeAddress { get; }

    public string EdgeDataDirectory { get; }

    /// <summary>A channel whose calls carry the bootstrap operator client's access tokens.</summary>
    public GrpcChannel Channel { get; }

    public TenantsClient Tenants => new(Channel.CreateCallInvoker());

    /// <summary>The CA behind Edge's development TLS certificate, which devices trust.</summary>
    public X509Certificate2 EdgeCertificateAuthority =>
        X509CertificateLoader.LoadCertificateFromFile(Path.Combine(EdgeDataDirectory, "dev-ca.crt"));

    public static async Task<SystemUnderTest> StartAsync(DatabaseProvider provider, IDictionary<string, string>? coreSettings = null) =>
        await StartAsync(await TestDatabase.CreateAsync(provider), coreSettings, edgeSettings: null);

    /// <summary>Starts Core and Edge over <paramref name="database"/>, which the system owns from now on.</summary>
    /// <param name="coreSettings">Environment variables of Core, added to or replacing the defaults.</param>
    /// <param name="edgeSettings">Environment variables of Edge, added to or replacing the defaults.</param>
    public static async Task<SystemUnderTest> StartAsync(
        TestDatabase database, IDictionary<string, string>? coreSettings, IDictionary<string, string>? edgeSettings)
    {
        ArgumentNullException.ThrowIfNull(database);
        var grpcPort = HostProcess.FreePort();
        var httpPort = HostProcess.FreePort();
        var edgePort = HostProcess.FreePort();
        var coreGrpc = new Uri($"http://127.0.0.1:{grpcPort}");
        var edgeUrl = new Uri($"https://127.0.0.1:{edgePort}");
        var edgeData = Directory.CreateTempSubdirectory("saasmdm-e2e-edge-").FullName;

        var coreEnvironment = new Dictionary<string, string>
        {
            ["SAASMDM_Core__GrpcUrl"] = coreGrpc.ToString(),
            ["SAASMDM_Core__HttpUrl"] = $"http://127.0.0.1:{httpPort}",
            ["SAASMDM_Database__Provider"] = database.Provider.ToString(),
            ["SAASMDM_Database__ConnectionString"] = database.ConnectionString,
            ["SAASMDM_Database__DataDirectory"] = database.DataDirectory,
            ["SAASMDM_Gateway__SharedSecret"] = TestSecrets.GatewaySecret,
            ["Logging__Console__FormatterName"] = "json",
        };
        foreach (var (key, value) in TestSecrets.BootstrapSettings)
        {
            coreEnvironment["SAASMDM_" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        Override(coreEnvironment, coreSettings);
        var coreReadiness = new Uri($"http://127.0.0.1:{httpPort}/readyz");
        var core = HostProcess.Start("Core", coreEnvironment);
        await core.WaitUntilReadyAsync(coreReadiness);

        var edgeEnvironment = new Dictionary<string, string>
        {
            ["SAASMDM_Edge__Url"] = edgeUrl.ToString(),
            ["SAASMDM_Edge__CoreUrl"] = coreGrpc.ToString(),
            ["SAASMDM_Edge__DataDirectory"] = edgeData,
            ["SAASMDM_Edge__GenerateDevelopmentCertificate"] = "true",
            ["SAASMDM_Gateway__SharedSecret"] = TestSecrets.GatewaySecret,
            ["Logging__Console__FormatterName"] = "json",
        };
        Override(edgeEnvironment, edgeSettings);
        var edge = HostProcess.Start("Edge", edgeEnvironment);
        using var trustAny = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
        await edge.WaitUntilReadyAsync(new Uri(edgeUrl, "/readyz"), trustAny);

        return new SystemUnderTest(database, core, coreEnvironment, coreReadiness, edge, coreGrpc, edgeUrl, edgeData);
    }

    /// <summary>Kills Core without warning, as a crash or an out-of-memory kill would, and starts it again on the same ports.</summary>
    public async Task RestartCoreAbruptlyAsync()
    {
        await Core.KillAsync();
        await Core.DisposeAsync();
        Core = HostProcess.Start("Core", _coreEnvironment);
        await Core.WaitUntilReadyAsync(_coreReadiness);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await Edge.DisposeAsync();
        await Core.DisposeAsync();
        await Database.DisposeAsync();
        Directory.Delete(EdgeDataDirectory, recursive: true);
    }

    private static void Override(Dictionary<string, string> environment, IDictionary<string, string>? settings)
    {
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
    }
}
