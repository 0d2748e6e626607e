using Microsoft.Playwright;

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

    /// <summary>
    /// Reloads <paramref name="page"/> once a second until <paramref name="shows"/> holds: devices answer on their own
    /// schedule and the portal has no live updates.
    /// </summary>
    /// <exception cref="TimeoutException">It did not hold within <paramref name="timeout"/>; <paramref name="what"/> says what was awaited.</exception>
    public static async Task ReloadUntilAsync(IPage page, Func<Task<bool>> shows, TimeSpan timeout, string what)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(shows);
        var deadline = DateTime.UtcNow + timeout;
        while (!await shows())
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"The page did not show {what} within {timeout.TotalSeconds} s.");
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
            await page.ReloadAsync();
        }
    }
}
