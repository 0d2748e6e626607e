namespace SaaSMdm.Rpc.Tests;

/// <summary>Waits for something another thread or process does, failing after a generous bound.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("condition not met in time");
            }

            await Task.Delay(20);
        }
    }
}
