using System.Globalization;

namespace SaaSMdm.Api.Bench;

/// <summary>The final Markdown table: a row per phase, figures right-aligned.</summary>
internal static class ResultTable
{
    private static readonly (string Heading, Func<PhaseResult, string> Value)[] Columns =
    [
        ("call", r => r.Phase.Workload.Name),
        ("caller", r => r.Phase.Workload.Caller),
        ("callers", r => Number(r.Phase.Callers)),
        ("calls (errors)", r => r.Errors == 0 ? Number(r.Calls) : $"{Number(r.Calls)} ({Number(r.Errors)})"),
        ("calls/s", r => r.CallsPerSecond.ToString("N0", CultureInfo.InvariantCulture)),
        ("p50 / p99 ms", r => string.Create(CultureInfo.InvariantCulture, $"{r.P50Ms:F2} / {r.P99Ms:F2}")),
        ("CPU ms/call Core / bench", r => string.Create(CultureInfo.InvariantCulture, $"{r.CpuMsPerCall.Core:F2} / {r.CpuMsPerCall.Bench:F2}")),
    ];

    /// <summary>The first two columns are text, the others figures.</summary>
    private const int TextColumns = 2;

    public static void Write(TextWriter output, IReadOnlyList<PhaseResult> results) => SaaSMdm.Bench.MarkdownTable.Write(output, results, Columns, TextColumns);

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
