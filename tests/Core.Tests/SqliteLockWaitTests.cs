using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaaSMdm.Core.Data;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests;

public sealed class SqliteLockWaitTests
{
    /// <summary>
    /// SQLite itself waits for the write lock, for the command timeout: otherwise Microsoft.Data.Sqlite retries a
    /// busy write after blocking its thread for 150 ms, which the device benchmark showed as seconds of latency.
    /// </summary>
    [Fact]
    public async Task Core_connections_wait_inside_SQLite_for_the_write_lock_as_long_as_the_command_timeout()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = new ServiceCollection()
            .AddCoreDatabase(new DatabaseOptions { ConnectionString = database.ConnectionString, DataDirectory = database.DataDirectory })
            .BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();

        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA busy_timeout;";

        Assert.Equal(30_000L, await command.ExecuteScalarAsync());
    }
}
