using System.Globalization;

namespace SaaSMdm.Apns.Bench;

/// <summary>Command line: <c>[--pushes N] [--concurrency C[,C…]]</c>, or <c>--serve</c> for the server process.</summary>
internal sealed record BenchArguments(int Pushes, IReadOnlyList<int> Concurrency, bool Serve)
{
    public const string Usage = "usage: Apns.Bench [--pushes N] [--concurrency C[,C...]]";

    public static BenchArguments Parse(string[] args)
    {
        var pushes = 20_000;
        IReadOnlyList<int> concurrency = [1, 16, 64, 256];
        var serve = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--serve":
                    serve = true;
                    break;
                case "--pushes":
                    pushes = PositiveInt(ValueAfter(args, ref i));
                    break;
                case "--concurrency":
                    concurrency = ValueAfter(args, ref i).Split(',').Select(PositiveInt).ToArray();
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }

        return new BenchArguments(pushes, concurrency, serve);
    }

    private static string ValueAfter(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"'{args[i - 1]}' needs a value.");

    private static int PositiveInt(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"'{text}' is not a positive whole number.");
}
