using SaaSMdm.AppleFakes.Apns;

namespace SaaSMdm.TestHosts;

/// <summary>
/// The fake APNs running in this process, set up for a Core process to push to: Core cannot share the CA
/// certificate object, so it reads the CA from a PEM file this class writes and removes.
/// </summary>
public sealed class ApnsForCore : IAsyncDisposable
{
    private readonly string _rootPath;

    private ApnsForCore(FakeApnsServer server, string rootPath)
    {
        Server = server;
        _rootPath = rootPath;
    }

    public FakeApnsServer Server { get; }

    /// <summary>Core's settings, as environment variables, that send its pushes here, coalesced over a short window.</summary>
    public IDictionary<string, string> CoreSettings => CoreConfiguration.ToDictionary(
        setting => "SAASMDM_" + setting.Key.Replace(":", "__", StringComparison.Ordinal), setting => setting.Value!);

    /// <summary>The same settings as configuration keys, for a Core in this process (<see cref="CoreTestHost"/>).</summary>
    public IDictionary<string, string?> CoreConfiguration => new Dictionary<string, string?>
    {
        ["Apns:BaseUrl"] = Server.BaseAddress.ToString(),
        ["Apns:ServerCertificateAuthorityPath"] = _rootPath,
        ["Apns:CoalesceMilliseconds"] = "50",
    };

    public static async Task<ApnsForCore> StartAsync()
    {
        var server = await FakeApnsServer.StartAsync();
        var rootPath = Path.Combine(Path.GetTempPath(), $"saasmdm-apns-root-{Guid.NewGuid():N}.pem");
        using var root = server.CertificateAuthority.PublicCertificate();
        await File.WriteAllTextAsync(rootPath, root.ExportCertificatePem());
        return new ApnsForCore(server, rootPath);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        File.Delete(_rootPath);
    }
}
