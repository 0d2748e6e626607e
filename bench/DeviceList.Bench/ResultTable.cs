using System.Globalization;

namespace SaaSMdm.DeviceList.Bench;

/// <summary>The final Markdown table: a row per case, figures right-aligned.</summary>
internal static class ResultTable
{
    private static readonly (string Heading, Func<CaseResult, string> Value)[] Columns =
    [
        ("call", r => r.Case.Group),
        ("case", r => r.Case.Name),
        ("items", r => r.Items.ToString("N0", CultureInfo.InvariantCulture)),
        ("calls/s", r => r.CallsPerSecond.ToString("N1", CultureInfo.InvariantCulture)),
        ("p50 ms", r => r.P50Ms.ToString("F1", CultureInfo.InvariantCulture)),
        ("p95 ms", r => r.P95Ms.ToString("F1", CultureInfo.InvariantCulture)),
        ("p99 ms", r => r.P99Ms.ToString("F1", CultureInfo.InvariantCulture)),
    ];

    private const int TextColumns = 2;

    public static void Write(TextWriter output, IReadOnlyList<CaseResult> results)
    {
        var lines = results.Select(result => Columns.Select(column => column.Value(result)).ToArray())
            .Prepend(Columns.Select(column => column.Heading).ToArray())
            .ToList();
        var widths = Columns.Select((_, column) => lines.Max(line => line[column].Length)).ToArray();
        output.WriteLine(Row(lines[0], widths));
        output.WriteLine("|" + string.Join("|", widths.Select((width, column) => column < TextColumns ? new string('-', width + 2) : new string('-', width + 1) + ":")) + "|");
        foreach (var line in lines.Skip(1))
        {
            output.WriteLine(Row(line, widths));
        }
    }

    private static string Row(string[] cells, int[] widths) =>
        "| " + string.Join(" | ", cells.Select((cell, column) => column < TextColumns ? cell.PadRight(widths[column]) : cell.PadLeft(widths[column]))) + " |";
}
