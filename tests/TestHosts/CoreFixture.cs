using SaaSMdm.Core.Data;
using Xunit;

namespace SaaSMdm.TestHosts;

/// <summary>A Core host and its database for one test class, on the provider <typeparamref name="TProvider"/> names.</summary>
public sealed class CoreFixture<TProvider> : IAsyncLifetime where TProvider : IProviderChoice
{
    public TestDatabase Database { get; private set; } = null!;

    public CoreTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(TProvider.Provider);
        Host = await CoreTestHost.StartAsync(Database);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }
}

public interface IProviderChoice
{
    static abstract DatabaseProvider Provider { get; }
}

public sealed class OnSqlite : IProviderChoice
{
    public static DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class OnPostgres : IProviderChoice
{
    public static DatabaseProvider Provider => DatabaseProvider.Postgres;
}
