using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SaaSMdm.Core.Data;

public static class DatabaseServiceCollectionExtensions
{
    public static IServiceCollection AddCoreDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        // Not pooled: each context carries the request's TenantContext for its query filters.
        services.AddScoped<TenantContext>();
        services.AddDbContext<CoreDbContext>(builder => Configure(builder, options));
        services.AddSingleton<DatabaseMigrator>();
        return services;
    }

    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(SqliteConnectionString(options)).AddInterceptors(new SqliteBusyTimeout());
                break;
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is Postgres.");
                }

                builder.UseNpgsql(options.ConnectionString);
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not supported; use Sqlite or Postgres.");
        }

        // Migrations are hand-written without a model snapshot; MigratedSchemaTests checks them against the model instead.
        builder.ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    private static string SqliteConnectionString(DatabaseOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }

        var directory = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(directory);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, "core.db"),
            Cache = SqliteCacheMode.Default,
            Pooling = true,
        }.ToString();
    }
}
