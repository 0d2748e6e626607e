using SaaSMdm.Contracts.V1;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Portal.Tests.Settings;

/// <summary>Tests of one tenant page: a portal in front of the class's Core, and a fresh tenant per test.</summary>
public abstract class PortalPageTests(Func<CoreTestHost> core) : IAsyncLifetime
{
    protected PortalTestHost Portal { get; private set; } = null!;

    protected Tenant Tenant { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Portal = await PortalTestHost.StartAsync(core().GrpcAddress, core().HttpAddress);
        Tenant = await SettingsKit.NewTenantAsync(core());
    }

    public async Task DisposeAsync() => await Portal.DisposeAsync();
}
