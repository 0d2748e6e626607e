using System.Globalization;
using SaaSMdm.Core.Data;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Device.Bench;

/// <summary>
/// Command line: <c>[--devices N[,N…]] [--provider sqlite|postgres] [--postgres CONNECTION] [--connects C] [--parallel P]</c>.
/// </summary>
/// <param name="PostgresAdmin">A connection string to a PostgreSQL server with the right to create databases.</param>
/// <param name="Connects">Idle reports per device in the Idle phase.</param>
/// <param name="Parallel">Devices making a request at the same moment.</param>
internal sealed record BenchArguments(IReadOnlyList<int> Devices, DatabaseProvider Provider, string? PostgresAdmin, int Connects, int Parallel)
{
    public const string Usage =
        "usage: Device.Bench [--devices N[,N...]] [--provider sqlite|postgres] [--postgres <admin connection string>] [--connects C] [--parallel P]";

    public static BenchArguments Parse(string[] args)
    {
        IReadOnlyList<int> devices = [100, 1_000];
        var provider = DatabaseProvider.Sqlite;
        string? postgres = null;
        var connects = 5;
        var parallel = 64;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--devices":
                    devices = ValueAfter(args, ref i).Split(',').Select(PositiveInt).ToArray();
                    break;
                case "--provider":
                    provider = ValueAfter(args, ref i).ToLowerInvariant() switch
                    {
                        "sqlite" => DatabaseProvider.Sqlite,
                        "postgres" => DatabaseProvider.Postgres,
                        var other => throw new ArgumentException($"Unknown provider '{other}': sqlite or postgres."),
                    };
                    break;
                case "--postgres":
                    postgres = ValueAfter(args, ref i);
                    break;
                case "--connects":
                    connects = PositiveInt(ValueAfter(args, ref i));
                    break;
                case "--parallel":
                    parallel = PositiveInt(ValueAfter(args, ref i));
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }

        if (provider == DatabaseProvider.Postgres && postgres is null && Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable) is null)
        {
            throw new ArgumentException($"PostgreSQL needs --postgres <admin connection string> or {TestDatabase.PostgresVariable}.");
        }

        return new BenchArguments(devices, provider, postgres, connects, parallel);
    }

    private static string ValueAfter(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"'{args[i - 1]}' needs a value.");

    private static int PositiveInt(string text) =>
        int.TryParse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"'{text}' is not a positive whole number.");
}
