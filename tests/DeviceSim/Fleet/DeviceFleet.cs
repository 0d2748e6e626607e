using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SaaSMdm.DeviceSim.Commands;
using SaaSMdm.DeviceSim.Transport;

namespace SaaSMdm.DeviceSim.Fleet;

/// <summary>
/// Many simulated devices run through the same step concurrently (at most <see cref="DeviceFleetOptions.MaxParallelism"/>
/// at once), with the latency of every request collected per step. A device that fails a step is reported, never
/// stops the others.
/// </summary>
public sealed class DeviceFleet : IDisposable
{
    private readonly DeviceFleetOptions _options;
    private readonly SocketsHttpHandler? _sharedHandler;
    private readonly CurrentRunObserver _observer = new();

    public DeviceFleet(DeviceFleetOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxParallelism, 1);
        _options = options;
        var deviceOptions = Enumerable.Range(0, options.Count).Select(options.DeviceOptions).ToArray();
        _sharedHandler = options.ShareConnections && deviceOptions.Length > 0
            ? DeviceHttpHandlers.CreateShared(deviceOptions[0].ServerTrust)
            : null;
        var services = new SimulatorServices { LoggerFactory = loggerFactory, RequestObserver = _observer, SharedHandler = _sharedHandler };
        Devices = deviceOptions.Select(device => new SimulatedDevice(device, services)).ToArray();
    }

    public IReadOnlyList<SimulatedDevice> Devices { get; }

    /// <summary>Takes every device not yet enrolled from profile download to TokenUpdate.</summary>
    public Task<FleetRunReport> EnrollAsync(CancellationToken cancellationToken = default) =>
        RunAsync("enroll", device => !device.IsEnrolled && !device.IsErased, async (device, token) =>
        {
            await device.FullEnrollmentAsync(token).ConfigureAwait(false);
            return 0;
        }, cancellationToken);

    /// <summary>Every enrolled device connects once, as after a push, and answers what is queued.</summary>
    public Task<FleetRunReport> RunCommandLoopsAsync(CancellationToken cancellationToken = default) =>
        RunAsync("command loop", device => device.IsEnrolled, async (device, token) =>
        {
            var result = await device.RunCommandLoopAsync(token).ConfigureAwait(false);
            return result.End == CommandLoopEnd.ServerRefused
                ? throw new MdmServerException("connect", result.FinalStatusCode, [])
                : result.Exchanges.Count;
        }, cancellationToken);

    /// <summary>Runs any step on the devices <paramref name="selected"/> picks; the step returns how many commands it answered.</summary>
    public async Task<FleetRunReport> RunAsync(
        string step,
        Func<SimulatedDevice, bool> selected,
        Func<SimulatedDevice, CancellationToken, Task<int>> work,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selected);
        ArgumentNullException.ThrowIfNull(work);
        var participants = Devices.Select((device, index) => (Device: device, Index: index)).Where(entry => selected(entry.Device)).ToArray();
        var statistics = new RequestStatistics();
        _observer.Current = statistics;
        var failures = new List<DeviceFailure>();
        var commands = 0;
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            participants,
            new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelism, CancellationToken = cancellationToken },
            async (entry, token) =>
            {
                try
                {
                    Interlocked.Add(ref commands, await work(entry.Device, token).ConfigureAwait(false));
                }
                catch (Exception e) when (!token.IsCancellationRequested)
                {
                    lock (failures)
                    {
                        failures.Add(new DeviceFailure(entry.Index, entry.Device.Facts.Udid, $"{e.GetType().Name}: {e.Message}"));
                    }
                }
            }).ConfigureAwait(false);
        var elapsed = stopwatch.Elapsed;
        _observer.Current = null;
        return new FleetRunReport(step, participants.Length, [.. failures.OrderBy(failure => failure.Index)], commands, statistics.Summarize(elapsed));
    }

    public void Dispose()
    {
        foreach (var device in Devices)
        {
            device.Dispose();
        }

        _sharedHandler?.Dispose();
    }

    /// <summary>Devices keep one observer for life; it hands their requests to the statistics of the step running now.</summary>
    private sealed class CurrentRunObserver : IDeviceRequestObserver
    {
        private volatile RequestStatistics? _current;

        public RequestStatistics? Current
        {
            get => _current;
            set => _current = value;
        }

        public void OnRequest(DeviceRequest request) => _current?.OnRequest(request);
    }
}
