using System.Globalization;
using SaaSMdm.Core.Data;
using SaaSMdm.TestHosts;

namespace SaaSMdm.DeviceList.Bench;

/// <summary>Command line: <c>[--devices N] [--postgres CONNECTION] [--calls N] [--page-size N]</c>.</summary>
/// <param name="Devices">Devices seeded into the tenant.</param>
/// <param name="PostgresAdmin">A PostgreSQL server's connection string with the right to create databases; null for SQLite.</param>
/// <param name="Calls">Measured calls per case, after a few unmeasured ones.</param>
/// <param name="PageSize">Devices per page, as a grid shows them.</param>
internal sealed record BenchArguments(int Devices, string? PostgresAdmin, int Calls, int PageSize)
{
    public const string Usage = "usage: DeviceList.Bench [--devices N] [--postgres <admin connection string>] [--calls N] [--page-size N]";

    public DatabaseProvider Provider => PostgresAdmin is null ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;

    public static BenchArguments Parse(string[] args)
    {
        var devices = 100_000;
        string? postgres = null;
        var calls = 50;
        var pageSize = 50;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            var value = ++i < args.Length ? args[i] : throw new ArgumentException($"'{name}' needs a value.");
            switch (name)
            {
                case "--devices":
                    devices = Positive(value);
                    break;
                case "--postgres":
                    postgres = value;
                    break;
                case "--calls":
                    calls = Positive(value);
                    break;
                case "--page-size":
                    pageSize = Positive(value);
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{name}'.");
            }
        }

        return new BenchArguments(devices, postgres, calls, pageSize);
    }

    private static int Positive(string text) =>
        int.TryParse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"'{text}' is not a positive whole number.");
}
