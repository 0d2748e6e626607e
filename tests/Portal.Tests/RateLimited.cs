using SaaSMdm.Rpc;

namespace SaaSMdm.Portal.Tests;

/// <summary>
/// Arranging more than a page of items through Core's API meets its per-caller rate limit (a burst of 100, then 50 a
/// second): such arrangements wait and retry instead of failing.
/// </summary>
public static class RateLimited
{
    private const int Attempts = 40;

    public static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.ResourceExhausted && attempt < Attempts)
            {
                await Task.Delay(250);
            }
        }
    }
}
