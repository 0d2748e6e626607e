using Npgsql;
using SaaSMdm.Core.Data;

namespace SaaSMdm.TestHosts;

/// <summary>
/// A database that lives for one test class: a SQLite file in a temporary directory, or a fresh
/// database on the PostgreSQL server named by SAASMDM_TEST_POSTGRES (scripts/test.sh starts one).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "SAASMDM_TEST_POSTGRES";

    private readonly string? _directory;
    private readonly string? _adminConnectionString;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? directory, string? adminConnectionString, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _directory = directory;
        _adminConnectionString = adminConnectionString;
        _postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The data directory a host using this database should get.</summary>
    public string DataDirectory => _directory ?? Path.GetTempPath();

    /// <param name="postgresAdminConnectionString">The PostgreSQL server to make the database on; the value of SAASMDM_TEST_POSTGRES when null.</param>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, string? postgresAdminConnectionString = null)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var directory = Directory.CreateTempSubdirectory("saasmdm-test-").FullName;
            return new TestDatabase(provider, $"Data Source={Path.Combine(directory, "core.db")}", directory, null, null);
        }

        var admin = postgresAdminConnectionString ?? Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set: these tests need a PostgreSQL server. Run scripts/test.sh, which starts a throwaway one.");
        }

        var name = "saasmdm_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
        return new TestDatabase(provider, connectionString, Directory.CreateTempSubdirectory("saasmdm-test-").FullName, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_adminConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        if (_directory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_directory, recursive: true);
        }
    }
}
