using SaaSMdm.TestHosts;

namespace SaaSMdm.Api.Bench;

/// <summary>
/// Core (and Edge, which SystemUnderTest always starts and which stays idle here) as fresh processes over a fresh
/// database, with rate limits off — they would cap the rates measured — and logging warnings only, so that logging
/// does not dominate.
/// </summary>
internal static class BenchSystem
{
    private static readonly KeyValuePair<string, string> WarningsOnly = new("Logging__LogLevel__Default", "Warning");

    public static async Task<SystemUnderTest> StartAsync(BenchArguments arguments)
    {
        var database = await TestDatabase.CreateAsync(arguments.Provider, arguments.PostgresAdmin);
        var coreSettings = new Dictionary<string, string>
        {
            ["SAASMDM_RateLimits__Enabled"] = "false",
            [WarningsOnly.Key] = WarningsOnly.Value,
        };
        return await SystemUnderTest.StartAsync(database, coreSettings, new Dictionary<string, string> { [WarningsOnly.Key] = WarningsOnly.Value });
    }
}
