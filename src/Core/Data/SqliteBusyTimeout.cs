using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace SaaSMdm.Core.Data;

/// <summary>
/// Lets SQLite wait for the write lock inside the statement (sqlite3_busy_timeout, polling every few milliseconds)
/// for as long as the command timeout allows. Without it every write that meets another one gets SQLITE_BUSY, and
/// Microsoft.Data.Sqlite retries after a blocking 150 ms sleep: under concurrent device requests that added
/// seconds to enrollments and command answers and held thread-pool threads asleep.
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        var sqlite = (SqliteConnection)connection;
        raw.sqlite3_busy_timeout(sqlite.Handle, (int)TimeSpan.FromSeconds(sqlite.DefaultTimeout).TotalMilliseconds);
    }
}
