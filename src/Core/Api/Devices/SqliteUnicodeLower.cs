using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SaaSMdm.Core.Api.Devices;

/// <summary>
/// SQLite's built-in lower() folds ASCII only, PostgreSQL's folds all of Unicode. Replacing lower() on each SQLite
/// connection with .NET's invariant lowering makes case-insensitive search ("Ärzte" finds "ÄRZTE-iPad") behave the
/// same on both databases.
/// </summary>
public sealed class SqliteUnicodeLower : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    private static void Register(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            sqlite.CreateFunction("lower", (string? text) => text?.ToLowerInvariant(), isDeterministic: true);
        }
    }
}
