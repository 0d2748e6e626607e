using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using SaaSMdm.DeviceSim.Fleet;
using SaaSMdm.DeviceSim.Transport;

namespace SaaSMdm.DeviceSim.CommandLine;

/// <summary>The simulator program: enroll the devices, run their command loops once or on an interval, report.</summary>
internal static class SimulatorRun
{
    /// <returns>0 when every device did every step, 1 otherwise.</returns>
    public static async Task<int> RunAsync(SimulatorArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var report = new ConsoleReport(output);
        var trust = new ServerTrust { TrustedRoots = LoadRoots(arguments.CaFile), TrustProfileRoot = arguments.TrustProfileRoot };
        using var loggerFactory = LoggerFactory.Create(logging => logging
            .AddSimpleConsole(console => console.SingleLine = true)
            .SetMinimumLevel(arguments.Verbose ? LogLevel.Information : LogLevel.Warning));
        using var fleet = new DeviceFleet(
            new DeviceFleetOptions
            {
                Count = arguments.Count,
                MaxParallelism = arguments.Parallelism,
                DeviceOptions = _ => new SimulatedDeviceOptions
                {
                    TenantUrl = arguments.TenantUrl,
                    EnrollmentToken = arguments.Token,
                    Platform = arguments.Platform,
                    ServerTrust = trust,
                    IdentityTransport = arguments.Transport,
                },
            },
            loggerFactory);

        try
        {
            report.Line($"Enrolling {arguments.Count} {ConsoleReport.PlatformName(arguments.Platform)} device(s) at {arguments.TenantUrl}");
            var enrolled = 0;
            var enrollment = await fleet.RunAsync("enroll", device => !device.IsEnrolled, async (device, token) =>
            {
                await device.FullEnrollmentAsync(token).ConfigureAwait(false);
                report.Enrolled(device, Interlocked.Increment(ref enrolled), arguments.Count);
                return 0;
            }, cancellationToken).ConfigureAwait(false);
            report.Summary(enrollment);
            if (enrollment.Succeeded == 0)
            {
                return 1;
            }

            var loops = await RunCommandLoopsAsync(fleet, report, cancellationToken).ConfigureAwait(false);
            while (arguments.Loop)
            {
                await Task.Delay(arguments.Interval, cancellationToken).ConfigureAwait(false);
                loops = await RunCommandLoopsAsync(fleet, report, cancellationToken).ConfigureAwait(false);
            }

            return enrollment.Failures.Count == 0 && loops.Failures.Count == 0 ? 0 : 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            report.Line("Stopped.");
            return 0;
        }
    }

    private static async Task<FleetRunReport> RunCommandLoopsAsync(DeviceFleet fleet, ConsoleReport report, CancellationToken cancellationToken)
    {
        var result = await fleet.RunAsync("command loop", device => device.IsEnrolled, async (device, token) =>
        {
            var loop = await device.RunCommandLoopAsync(token).ConfigureAwait(false);
            report.Answered(device, loop);
            return loop.Exchanges.Count;
        }, cancellationToken).ConfigureAwait(false);
        report.Summary(result);
        return result;
    }

    private static X509Certificate2[] LoadRoots(string? caFile)
    {
        if (caFile is null)
        {
            return [];
        }

        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(caFile);
        return roots.Count > 0 ? [.. roots] : throw new ArgumentException($"'{caFile}' holds no PEM certificate.");
    }
}
