using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Hosting;
using SaaSMdm.DeviceSim;
using SaaSMdm.DeviceSim.Transport;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Edge.Tests.Ddm;

/// <summary>
/// A real Core (over SQLite, pushing to a fake APNs) and a real Edge in front of it, for tests that drive a simulated
/// device through enrollment and on to the endpoints under test. Devices share one RSA key: generating keys is slow.
/// </summary>
public sealed class EdgeOverCore : IAsyncLifetime
{
    /// <summary>Core hands out asset URLs on this host; tests send the URL's path to the Edge they run.</summary>
    public const string PublicEdgeUrl = "https://edge.example.test";

    private readonly RSA _deviceKey = RSA.Create(2048);
    private ApnsForCore _apns = null!;
    private TestDatabase _database = null!;

    public CoreTestHost Core { get; private set; } = null!;

    public EdgeTestHost Edge { get; private set; } = null!;

    public AssetData.AssetDataClient AssetData => new(Core.Channel.CreateCallInvoker());

    public X509Certificate2 EdgeCertificateAuthority =>
        X509CertificateLoader.LoadCertificateFromFile(Path.Combine(Edge.DataDirectory, SaaSMdm.Edge.Tls.DevelopmentCertificates.CaCertificateFile));

    public async Task InitializeAsync()
    {
        _apns = await ApnsForCore.StartAsync();
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var settings = _apns.CoreSettings.ToDictionary(
            setting => setting.Key[CoreApp.EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal), setting => (string?)setting.Value);
        settings["Enrollment:PublicEdgeUrl"] = PublicEdgeUrl;
        Core = await CoreTestHost.StartAsync(_database, settings);
        Edge = await EdgeTestHost.StartAsync(Core.GrpcAddress);
    }

    public async Task DisposeAsync()
    {
        await Edge.DisposeAsync();
        await Core.DisposeAsync();
        await _database.DisposeAsync();
        await _apns.DisposeAsync();
        _deviceKey.Dispose();
    }

    public async Task<TestTenant> CreateTenantAsync(string prefix) => await TestTenant.CreateAsync(Core.Channel, _apns.Server, prefix);

    /// <summary>A simulated device of <paramref name="tenant"/>, enrolled through Edge (profile, SCEP, Authenticate, TokenUpdate).</summary>
    public async Task<SimulatedDevice> EnrollDeviceAsync(TestTenant tenant, IdentityTransport transport = IdentityTransport.MdmSignature)
    {
        var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            TenantUrl = new Uri(Edge.Address, $"t/{tenant.Slug}"),
            EnrollmentToken = tenant.EnrollmentSecret,
            IdentityTransport = transport,
            ServerTrust = new ServerTrust { TrustedRoots = [EdgeCertificateAuthority] },
            KeyFactory = _ => _deviceKey,
        });
        await device.FullEnrollmentAsync();
        return device;
    }
}
