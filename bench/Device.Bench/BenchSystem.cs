using SaaSMdm.TestHosts;

namespace SaaSMdm.Device.Bench;

/// <summary>
/// What one fleet size runs against: Core and Edge as fresh processes over a fresh database, logging warnings only
/// (so that logging does not dominate), and a fake APNs in this process for Core's pushes.
/// </summary>
internal sealed class BenchSystem : IAsyncDisposable
{
    private readonly ApnsForCore _apns;

    private BenchSystem(ApnsForCore apns, SystemUnderTest system)
    {
        _apns = apns;
        System = system;
    }

    public SystemUnderTest System { get; }

    public static async Task<BenchSystem> StartAsync(BenchArguments arguments)
    {
        var apns = await ApnsForCore.StartAsync();
        var database = await TestDatabase.CreateAsync(arguments.Provider, arguments.PostgresAdmin);
        var coreSettings = apns.CoreSettings;
        coreSettings[WarningsOnly.Key] = WarningsOnly.Value;
        var system = await SystemUnderTest.StartAsync(database, coreSettings, new Dictionary<string, string> { [WarningsOnly.Key] = WarningsOnly.Value });
        return new BenchSystem(apns, system);
    }

    /// <summary>A tenant made through the API, with a push certificate and an enrollment token.</summary>
    public Task<TestTenant> CreateTenantAsync(string prefix) => TestTenant.CreateAsync(System, _apns.Server, prefix);

    public async ValueTask DisposeAsync()
    {
        await System.DisposeAsync();
        await _apns.DisposeAsync();
    }

    private static KeyValuePair<string, string> WarningsOnly => new("Logging__LogLevel__Default", "Warning");
}
