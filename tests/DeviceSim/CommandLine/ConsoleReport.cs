using System.Globalization;
using SaaSMdm.DeviceSim.Commands;
using SaaSMdm.DeviceSim.Fleet;
using SaaSMdm.DeviceSim.Hardware;

namespace SaaSMdm.DeviceSim.CommandLine;

/// <summary>What the simulator program prints: a line per device as it progresses, a summary per step.</summary>
internal sealed class ConsoleReport(TextWriter output)
{
    private readonly Lock _lock = new();

    public void Line(string text)
    {
        lock (_lock)
        {
            output.WriteLine(text);
        }
    }

    public static string PlatformName(DevicePlatform platform) => platform switch
    {
        DevicePlatform.IPhone => "iPhone",
        DevicePlatform.IPad => "iPad",
        _ => "Mac",
    };

    public void Enrolled(SimulatedDevice device, int done, int total)
    {
        var facts = device.Facts;
        var system = facts.Platform switch
        {
            DevicePlatform.IPhone => "iOS",
            DevicePlatform.IPad => "iPadOS",
            _ => "macOS",
        };
        Line(Invariant($"  [{done}/{total}] enrolled {facts.DeviceName} ({facts.Model.MarketingName}, {system} {facts.OperatingSystem.Version} {facts.OperatingSystem.Build}) UDID {facts.Udid}, serial {facts.SerialNumber}"));
    }

    public void Answered(SimulatedDevice device, CommandLoopResult result)
    {
        if (result.Exchanges.Count == 0 && result.End == CommandLoopEnd.Drained)
        {
            return;
        }

        var answers = string.Join(", ", result.Exchanges.Select(exchange => $"{exchange.RequestType ?? "(unreadable)"} {exchange.Status}"));
        Line(Invariant($"  {device.Facts.DeviceName}: {(answers.Length == 0 ? "no commands" : answers)}; {result.End} ({(int)result.FinalStatusCode})"));
    }

    public void Summary(FleetRunReport report)
    {
        var requests = report.Requests;
        Line(Invariant($"{report.Step}: {report.Succeeded}/{report.Devices} devices in {requests.Elapsed.TotalSeconds:0.0} s, {report.CommandsAnswered} commands answered; {requests.Total.Count} requests, {requests.Total.Errors} errors, {requests.RequestsPerSecond:0.0} requests/s"));
        if (requests.Total.Count > 0)
        {
            Line(Invariant($"  {"request",-22} {"count",7} {"errors",7} {"mean ms",9} {"p50 ms",9} {"p99 ms",9} {"max ms",9}"));
            foreach (var kind in requests.ByKind.Append(requests.Total))
            {
                Line(Invariant($"  {kind.Kind,-22} {kind.Count,7} {kind.Errors,7} {kind.MeanMs,9:0.0} {kind.P50Ms,9:0.0} {kind.P99Ms,9:0.0} {kind.MaxMs,9:0.0}"));
            }
        }

        foreach (var failure in report.Failures)
        {
            Line(Invariant($"  device {failure.Index} ({failure.Udid}) failed: {failure.Error}"));
        }

        if (report.Failures.Any(failure => failure.Error.Contains("SSL", StringComparison.Ordinal)))
        {
            Line("  TLS failed: pass --ca-file with the CA of Edge's certificate (run-local.sh writes .local/edge/dev-ca.crt), or see --trust-profile-root in --help.");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
