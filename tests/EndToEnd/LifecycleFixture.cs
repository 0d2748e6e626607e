using SaaSMdm.AppleFakes.Apns;
using SaaSMdm.DeviceSim.Fleet;
using SaaSMdm.TestHosts;

namespace SaaSMdm.EndToEnd;

/// <summary>
/// Core and Edge as processes over one database, with a fake APNs in the test process that Core pushes to,
/// and a few RSA keys the simulated devices share.
/// </summary>
public sealed class LifecycleFixture<TProvider> : IAsyncLifetime where TProvider : IProviderChoice
{
    private ApnsForCore _apns = null!;

    public FakeApnsServer Apns => _apns.Server;

    public SystemUnderTest System { get; private set; } = null!;

    public SharedDeviceKeys Keys { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _apns = await ApnsForCore.StartAsync();
        System = await SystemUnderTest.StartAsync(TProvider.Provider, _apns.CoreSettings);
        Keys = new SharedDeviceKeys();
    }

    public async Task DisposeAsync()
    {
        await System.DisposeAsync();
        await _apns.DisposeAsync();
    }
}
