namespace SaaSMdm.Core.Tests.Events;

/// <summary>Waits for what background work (the webhook dispatcher) does in its own time.</summary>
public static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static async Task<T> GetAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Not within {Patience}: {what}.");
            await Task.Delay(50);
        }
    }

    public static Task<T> GetAsync<T>(Func<T> read, Func<T, bool> done, string what) => GetAsync(() => Task.FromResult(read()), done, what);
}
