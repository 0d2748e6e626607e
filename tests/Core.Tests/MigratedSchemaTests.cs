using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using SaaSMdm.Core.Data;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests;

public sealed class MigratedSchemaOnSqlite(CoreFixture<OnSqlite> fixture) : MigratedSchemaTests<OnSqlite>(fixture);

public sealed class MigratedSchemaOnPostgres(CoreFixture<OnPostgres> fixture) : MigratedSchemaTests<OnPostgres>(fixture);

/// <summary>
/// The hand-written migrations must build exactly the schema the EF model expects: every table,
/// column (type and nullability) and index, on each provider. This stands in for EF's model snapshot.
/// </summary>
public abstract class MigratedSchemaTests<TProvider>(CoreFixture<TProvider> fixture) : IClassFixture<CoreFixture<TProvider>>
    where TProvider : IProviderChoice
{
    [Fact]
    public async Task Migrated_database_matches_the_model()
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();

        var expected = FromModel(db.GetService<IDesignTimeModel>().Model.GetRelationalModel());
        var actual = await FromDatabaseAsync(db);

        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (table, shape) in expected)
        {
            Assert.Equal(shape.Columns.Order(), actual[table].Columns.Order());
            Assert.Equal(shape.Indexes.Order(), actual[table].Indexes.Order());
        }
    }

    [Fact]
    public async Task No_migration_is_pending_after_startup()
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }

    private sealed record TableShape(List<string> Columns, List<string> Indexes);

    private static Dictionary<string, TableShape> FromModel(IRelationalModel model) =>
        model.Tables.ToDictionary(
            table => table.Name,
            table => new TableShape(
                table.Columns.Select(c => Column(c.Name, c.StoreType, c.IsNullable)).ToList(),
                table.Indexes.Select(i => Index(i.Name, i.IsUnique, i.Columns.Select(c => c.Name))).ToList()));

    private static string Column(string name, string type, bool nullable) => $"{name} {type.ToLowerInvariant()} {(nullable ? "null" : "not null")}";

    private static string Index(string name, bool unique, IEnumerable<string> columns) => $"{(unique ? "unique " : "")}{name}({string.Join(",", columns)})";

    private static async Task<Dictionary<string, TableShape>> FromDatabaseAsync(CoreDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            return db.Database.IsSqlite() ? await ReadSqliteAsync(connection) : await ReadPostgresAsync(connection);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<Dictionary<string, TableShape>> ReadSqliteAsync(DbConnection connection)
    {
        var tables = await QueryAsync(connection,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EF%'", r => r.GetString(0));
        var result = new Dictionary<string, TableShape>();
        foreach (var table in tables)
        {
            var columns = await QueryAsync(connection, $"SELECT name, type, \"notnull\" FROM pragma_table_info('{table}')",
                r => Column(r.GetString(0), r.GetString(1), r.GetInt64(2) == 0));
            var indexNames = await QueryAsync(connection, $"SELECT name, \"unique\" FROM pragma_index_list('{table}') WHERE origin = 'c'",
                r => (Name: r.GetString(0), Unique: r.GetInt64(1) == 1));
            var indexes = new List<string>();
            foreach (var (name, unique) in indexNames)
            {
                var indexColumns = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{name}') ORDER BY seqno", r => r.GetString(0));
                indexes.Add(Index(name, unique, indexColumns));
            }

            result[table] = new TableShape(columns, indexes);
        }

        return result;
    }

    private static async Task<Dictionary<string, TableShape>> ReadPostgresAsync(DbConnection connection)
    {
        var tables = await QueryAsync(connection,
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE '__EF%'", r => r.GetString(0));
        var result = new Dictionary<string, TableShape>();
        foreach (var table in tables)
        {
            var columns = await QueryAsync(connection,
                $"""
                SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull
                FROM pg_attribute a WHERE a.attrelid = 'public.{table}'::regclass AND a.attnum > 0 AND NOT a.attisdropped
                """,
                r => Column(r.GetString(0), r.GetString(1), !r.GetBoolean(2)));
            var indexes = await QueryAsync(connection,
                $"""
                SELECT i.relname, x.indisunique,
                       array_to_string(ARRAY(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY k(attnum, n)
                                             JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum ORDER BY k.n), ',')
                FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                WHERE x.indrelid = 'public.{table}'::regclass AND NOT x.indisprimary
                """,
                r => Index(r.GetString(0), r.GetBoolean(1), r.GetString(2).Split(',')));
            result[table] = new TableShape(columns, indexes);
        }

        return result;
    }

    private static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
