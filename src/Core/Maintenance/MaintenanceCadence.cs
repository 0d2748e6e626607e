namespace SaaSMdm.Core.Maintenance;

/// <summary>
/// When the maintenance jobs run: first <see cref="RetentionOptions.FirstSweepDelaySeconds"/> after start-up (a
/// starting replica serves first), then every <see cref="RetentionOptions.SweepIntervalMinutes"/>. A run that fails
/// is reported and the next one comes at its time.
/// </summary>
public static class MaintenanceCadence
{
    public static async Task RunAsync(
        RetentionOptions options, TimeProvider clock, Func<CancellationToken, Task> run, Action<Exception> failed, CancellationToken stoppingToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(options.FirstSweepDelaySeconds), clock, stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.SweepIntervalMinutes), clock);
        do
        {
            try
            {
                await run(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
