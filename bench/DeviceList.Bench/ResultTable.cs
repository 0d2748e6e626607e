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

    public static void Write(TextWriter output, IReadOnlyList<CaseResult> results) => SaaSMdm.Bench.MarkdownTable.Write(output, results, Columns, TextColumns);
}
