using SaaSMdm.TestHosts;

namespace SaaSMdm.Portal.Tests.Declarations;

/// <summary>A portal in front of the class's Core, and the kit to arrange tenants, people and devices.</summary>
public abstract class DeclarationPortalTests(CoreFixture<OnSqlite> core) : IClassFixture<CoreFixture<OnSqlite>>, IAsyncLifetime
{
    private PortalTestHost _portal = null!;

    protected DeclarationPortalKit Kit { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _portal = await PortalTestHost.StartAsync(core.Host.GrpcAddress, core.Host.HttpAddress);
        Kit = new DeclarationPortalKit(core.Host, _portal);
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();
}
