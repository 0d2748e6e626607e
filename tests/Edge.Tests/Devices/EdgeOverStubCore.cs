using SaaSMdm.TestHosts;

namespace SaaSMdm.Edge.Tests.Devices;

/// <summary>A real Edge pointed at a <see cref="StubCore"/> that knows two tenants; shared by the tests of a class.</summary>
public class EdgeOverStubCore : IAsyncLifetime
{
    public const string TenantA = "tenant-alpha";
    public const string TenantB = "tenant-beta";
    public const string TenantAId = "8d4a7f0e-0000-4000-8000-00000000000a";
    public const string TenantBId = "8d4a7f0e-0000-4000-8000-00000000000b";

    private StubCore _core = null!;

    public RecordingDeviceGateway Core => _core.Gateway;

    public EdgeTestHost Edge { get; private set; } = null!;

    /// <summary>Settings this fixture's Edge runs with, on top of the test host's.</summary>
    protected virtual IDictionary<string, string?> EdgeSettings { get; } = new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        _core = await StubCore.StartAsync(new Dictionary<string, string> { [TenantA] = TenantAId, [TenantB] = TenantBId });
        Edge = await EdgeTestHost.StartAsync(_core.GrpcAddress, settings: EdgeSettings);
    }

    public async Task DisposeAsync()
    {
        await Edge.DisposeAsync();
        await _core.DisposeAsync();
    }
}
