using System.Security.Cryptography;
using SaaSMdm.AppleFakes.Apns;
using SaaSMdm.TestHosts;

namespace SaaSMdm.EndToEnd;

/// <summary>
/// Core and Edge as processes over one database, with a fake APNs in the test process that Core pushes to,
/// and a few RSA keys the simulated devices share (generating one per device would dominate the run).
/// </summary>
public sealed class LifecycleFixture<TProvider> : IAsyncLifetime where TProvider : IProviderChoice
{
    private readonly List<byte[]> _keys = [];
    private string _apnsRootPath = "";

    public FakeApnsServer Apns { get; private set; } = null!;

    public SystemUnderTest System { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Apns = await FakeApnsServer.StartAsync();
        _apnsRootPath = Path.Combine(Path.GetTempPath(), $"saasmdm-e2e-apns-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(_apnsRootPath, Apns.CertificateAuthority.PublicCertificate().ExportCertificatePem());
        System = await SystemUnderTest.StartAsync(TProvider.Provider, new Dictionary<string, string>
        {
            ["SAASMDM_Apns__BaseUrl"] = Apns.BaseAddress.ToString(),
            ["SAASMDM_Apns__ServerCertificateAuthorityPath"] = _apnsRootPath,
            ["SAASMDM_Apns__CoalesceMilliseconds"] = "50",
        });
        for (var i = 0; i < 3; i++)
        {
            using var key = RSA.Create(2048);
            _keys.Add(key.ExportPkcs8PrivateKey());
        }
    }

    /// <summary>A copy of one of the shared keys, for <c>SimulatedDeviceOptions.KeyFactory</c>.</summary>
    public RSA Key(int index)
    {
        var key = RSA.Create();
        key.ImportPkcs8PrivateKey(_keys[index % _keys.Count], out _);
        return key;
    }

    public async Task DisposeAsync()
    {
        await System.DisposeAsync();
        await Apns.DisposeAsync();
        File.Delete(_apnsRootPath);
    }
}
