namespace SaaSMdm.Portal.BrowserTests.Infrastructure;

/// <summary>Waits for something the simulated devices do in the background.</summary>
public static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Asks <paramref name="probe"/> until it returns a value.</summary>
    /// <exception cref="TimeoutException">It returned null until <paramref name="timeout"/> passed.</exception>
    public static async Task<T> ReturnsAsync<T>(Func<Task<T?>> probe, TimeSpan timeout) where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"Nothing came within {timeout.TotalSeconds} s.");
            }

            await Task.Delay(PollInterval);
        }
    }
}
