using System.Globalization;

namespace SaaSMdm.Device.Bench;

/// <summary>The final table: a row per figure, a column per fleet size.</summary>
internal static class ResultTable
{
    private const double Megabyte = 1024 * 1024;

    private static readonly (string Figure, Func<SizeResult, string> Value)[] Rows =
    [
        ("devices enrolled", r => $"{r.Enrollment.Report.Succeeded:N0}/{r.Devices:N0}"),
        ("enrollment: seconds", r => Seconds(r.Enrollment.Report.Requests.Elapsed)),
        ("enrollment: devices/s", r => $"{r.DevicesPerSecond:N1}"),
        ("enrollment: request p50 / p99 ms", r => $"{r.Enrollment.Requests.P50Ms:F1} / {r.Enrollment.Requests.P99Ms:F1}"),
        ("enrollment: CPU ms/device C/E/D", r => r.Enrollment.Cpu.PerRequest(r.Enrollment.Report.Succeeded)),
        ("idle: requests (errors)", r => $"{r.Idle.Requests.Count:N0} ({r.Idle.Requests.Errors:N0})"),
        ("idle: requests/s", r => $"{r.Idle.Report.Requests.RequestsPerSecond:N0}"),
        ("idle: p50 / p99 / max ms", r => $"{r.Idle.Requests.P50Ms:F1} / {r.Idle.Requests.P99Ms:F1} / {r.Idle.Requests.MaxMs:F0}"),
        ("idle: CPU ms/request C/E/D", r => r.Idle.CpuPerRequest),
        ("bulk enqueue to all: seconds", r => Seconds(r.Enqueue)),
        ("commands: round trips (errors)", r => $"{r.Commands.Report.CommandsAnswered:N0} ({r.Commands.Requests.Errors:N0})"),
        ("commands: round trips/s", r => $"{r.RoundTripsPerSecond:N0}"),
        ("commands: request p50 / p99 ms", r => $"{r.Commands.Requests.P50Ms:F1} / {r.Commands.Requests.P99Ms:F1}"),
        ("commands: CPU ms/request C/E/D", r => r.Commands.CpuPerRequest),
        ("Core memory: peak / now MB", r => Memory(r.Core)),
        ("Edge memory: peak / now MB", r => Memory(r.Edge)),
        ("command_results rows", r => r.CommandResults.ToString("N0", CultureInfo.InvariantCulture)),
        ("ddm: assign set to all: s (notified)", r => $"{Seconds(r.Declarative.Assign)} ({r.Declarative.AssignNotified:N0})"),
        ("ddm: change one declaration: s (notified)", r => $"{Seconds(r.Declarative.Change)} ({r.Declarative.ChangeNotified:N0})"),
        ("ddm: change synced: requests/s, p99 ms", r => Rate(r.Declarative.Sync)),
        ("ddm: tokens: requests/s, p99 ms", r => Rate(r.Declarative.Tokens)),
        ("ddm: tokens: CPU ms/request C/E/D", r => r.Declarative.Tokens.CpuPerRequest),
        ("ddm: declaration-items: requests/s, p99 ms", r => Rate(r.Declarative.Items)),
        ("ddm: declaration-items: CPU ms/request C/E/D", r => r.Declarative.Items.CpuPerRequest),
    ];

    public static void Write(TextWriter output, IReadOnlyList<SizeResult> results)
    {
        var header = new[] { "N" }.Concat(results.Select(r => r.Devices.ToString("N0", CultureInfo.InvariantCulture))).ToArray();
        var cells = Rows.Select(row => new[] { row.Figure }.Concat(results.Select(row.Value)).ToArray()).Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(column => cells.Max(line => line[column].Length)).ToArray();
        foreach (var (line, index) in cells.Select((line, index) => (line, index)))
        {
            output.WriteLine("| " + string.Join(" | ", line.Select((cell, column) => column == 0 ? cell.PadRight(widths[column]) : cell.PadLeft(widths[column]))) + " |");
            if (index == 0)
            {
                output.WriteLine("|" + string.Join("|", widths.Select((width, column) => column == 0 ? new string('-', width + 2) : new string('-', width + 1) + ":")) + "|");
            }
        }
    }

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture);

    private static string Rate(StepResult step) => $"{step.Report.Requests.RequestsPerSecond:N0}, {step.Requests.P99Ms:F1}";

    private static string Memory(ProcessMemory memory) => $"{memory.PeakBytes / Megabyte:F0} / {memory.CurrentBytes / Megabyte:F0}";
}
