namespace SaaSMdm.Bench;

/// <summary>A benchmark's final Markdown table: a row per result, the leading text columns left-aligned, figures right-aligned.</summary>
internal static class MarkdownTable
{
    public static void Write<T>(TextWriter output, IReadOnlyList<T> results, (string Heading, Func<T, string> Value)[] columns, int textColumns)
    {
        var lines = results.Select(result => columns.Select(column => column.Value(result)).ToArray())
            .Prepend(columns.Select(column => column.Heading).ToArray())
            .ToList();
        var widths = columns.Select((_, column) => lines.Max(line => line[column].Length)).ToArray();
        output.WriteLine(Row(lines[0], widths, textColumns));
        output.WriteLine("|" + string.Join("|", widths.Select((width, column) => column < textColumns ? new string('-', width + 2) : new string('-', width + 1) + ":")) + "|");
        foreach (var line in lines.Skip(1))
        {
            output.WriteLine(Row(line, widths, textColumns));
        }
    }

    private static string Row(string[] cells, int[] widths, int textColumns) =>
        "| " + string.Join(" | ", cells.Select((cell, column) => column < textColumns ? cell.PadRight(widths[column]) : cell.PadLeft(widths[column]))) + " |";
}
