using SaaSMdm.DeviceSim;
using SaaSMdm.DeviceSim.Fleet;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Portal.BrowserTests.Infrastructure;

/// <summary>
/// Enrolled simulated devices of one tenant that keep checking in while a test runs, so commands queued from the
/// browser are answered (DeclarativeManagement commands included, with their DDM sync) without APNs.
/// </summary>
public sealed class SimulatedFleet : IAsyncDisposable
{
    private readonly DeviceFleet _fleet;
    private readonly SimulatedFleetOptions _options;
    private readonly List<DeviceFailure> _failures = [];
    private CancellationTokenSource? _polling;
    private Task _pollLoop = Task.CompletedTask;
    private int _rounds;

    private SimulatedFleet(TestTenant tenant, DeviceFleet fleet, SimulatedFleetOptions options)
    {
        Tenant = tenant;
        _fleet = fleet;
        _options = options;
    }

    public TestTenant Tenant { get; }

    public IReadOnlyList<SimulatedDevice> Devices => _fleet.Devices;

    /// <summary>Check-in rounds completed since the fleet started polling.</summary>
    public int Rounds => Volatile.Read(ref _rounds);

    /// <summary>Check-ins that failed while polling; a test that expects none asserts this is empty.</summary>
    public IReadOnlyList<DeviceFailure> Failures
    {
        get
        {
            lock (_failures)
            {
                return [.. _failures];
            }
        }
    }

    /// <summary>Enrolls every device of <paramref name="fleet"/> and starts polling.</summary>
    /// <exception cref="InvalidOperationException">A device could not enroll.</exception>
    public static async Task<SimulatedFleet> StartAsync(TestTenant tenant, DeviceFleet fleet, SimulatedFleetOptions options)
    {
        var simulated = new SimulatedFleet(tenant, fleet, options);
        var enrollment = await fleet.EnrollAsync();
        if (enrollment.Failures.Count > 0)
        {
            await simulated.DisposeAsync();
            throw new InvalidOperationException(
                "Devices failed to enroll: " + string.Join("; ", enrollment.Failures.Select(f => $"#{f.Index} {f.Error}")));
        }

        simulated.StartPolling();
        return simulated;
    }

    /// <summary>Starts the check-in loop again after <see cref="StopPollingAsync"/>.</summary>
    public void StartPolling()
    {
        if (_polling is not null)
        {
            return;
        }

        _polling = new CancellationTokenSource();
        _pollLoop = PollAsync(_polling.Token);
    }

    /// <summary>Stops checking in after the current round, for tests of devices that went quiet.</summary>
    public async Task StopPollingAsync()
    {
        if (_polling is null)
        {
            return;
        }

        await _polling.CancelAsync();
        await _pollLoop;
        _polling.Dispose();
        _polling = null;
    }

    /// <summary>Waits until the fleet has finished <paramref name="rounds"/> more check-in rounds.</summary>
    public async Task WaitForRoundsAsync(int rounds, TimeSpan timeout)
    {
        var target = Rounds + rounds;
        using var deadline = new CancellationTokenSource(timeout);
        while (Rounds < target)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopPollingAsync();
        _fleet.Dispose();
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.PollInterval);
        try
        {
            do
            {
                var report = await _fleet.RunCommandLoopsAsync(cancellationToken);
                lock (_failures)
                {
                    _failures.AddRange(report.Failures);
                }

                Interlocked.Increment(ref _rounds);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped by the test.
        }
    }
}
