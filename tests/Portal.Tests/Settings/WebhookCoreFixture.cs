using SaaSMdm.Core.Data;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Portal.Tests.Settings;

/// <summary>A Core that lets webhooks call plain-HTTP loopback addresses, so a test event reaches a local endpoint.</summary>
public sealed class WebhookCoreFixture : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public CoreTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Host = await CoreTestHost.StartAsync(_database, new Dictionary<string, string?>
        {
            ["Webhooks:AllowPrivateNetworks"] = "true",
            ["Webhooks:AllowInsecureHttp"] = "true",
        });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await _database.DisposeAsync();
    }
}
