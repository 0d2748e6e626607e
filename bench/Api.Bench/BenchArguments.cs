using System.Globalization;
using SaaSMdm.Core.Data;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Api.Bench;

/// <summary>
/// Command line: <c>[--provider sqlite|postgres] [--postgres CONNECTION] [--tokens N] [--duration S | --calls N] [--concurrency C[,C…]]</c>.
/// </summary>
/// <param name="PostgresAdmin">A connection string to a PostgreSQL server with the right to create databases.</param>
/// <param name="Tokens">Token requests in each token-endpoint phase.</param>
/// <param name="Calls">How long, or how many calls, each API-call phase lasts.</param>
/// <param name="Concurrency">Callers making requests at the same moment; every phase runs once per level.</param>
internal sealed record BenchArguments(DatabaseProvider Provider, string? PostgresAdmin, int Tokens, PhaseBudget Calls, IReadOnlyList<int> Concurrency)
{
    public const string Usage =
        "usage: Api.Bench [--provider sqlite|postgres] [--postgres <admin connection string>] [--tokens N] [--duration S | --calls N] [--concurrency C[,C...]]";

    public static BenchArguments Parse(string[] args)
    {
        var provider = DatabaseProvider.Sqlite;
        string? postgres = null;
        var tokens = 2_000;
        var calls = PhaseBudget.For(TimeSpan.FromSeconds(10));
        IReadOnlyList<int> concurrency = [1, 16];
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            var value = ++i < args.Length ? args[i] : throw new ArgumentException($"'{name}' needs a value.");
            switch (name)
            {
                case "--provider":
                    provider = value.ToLowerInvariant() switch
                    {
                        "sqlite" => DatabaseProvider.Sqlite,
                        "postgres" => DatabaseProvider.Postgres,
                        var other => throw new ArgumentException($"Unknown provider '{other}': sqlite or postgres."),
                    };
                    break;
                case "--postgres":
                    postgres = value;
                    break;
                case "--tokens":
                    tokens = Positive(value);
                    break;
                case "--duration":
                    calls = PhaseBudget.For(TimeSpan.FromSeconds(Positive(value)));
                    break;
                case "--calls":
                    calls = PhaseBudget.For(Positive(value));
                    break;
                case "--concurrency":
                    concurrency = value.Split(',').Select(Positive).ToArray();
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{name}'.");
            }
        }

        if (provider == DatabaseProvider.Postgres && postgres is null && Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable) is null)
        {
            throw new ArgumentException($"PostgreSQL needs --postgres <admin connection string> or {TestDatabase.PostgresVariable}.");
        }

        return new BenchArguments(provider, postgres, tokens, calls, concurrency);
    }

    private static int Positive(string text) =>
        int.TryParse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"'{text}' is not a positive whole number.");
}
