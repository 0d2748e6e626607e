using System.Collections.Concurrent;

namespace SaaSMdm.Core.Events;

/// <summary>
/// Wakes this replica's event readers as soon as it committed events, so they need not wait for their next poll.
/// Only a shortcut: events committed by other replicas are found by polling.
/// </summary>
public sealed class EventSignal
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _next = new();

    /// <summary>
    /// Completes when events of <paramref name="tenantId"/> (of any tenant for <see cref="Guid.Empty"/>) are next
    /// committed. Take it before reading, so a commit between the read and the wait is not missed.
    /// </summary>
    public Task Next(Guid tenantId) =>
        _next.GetOrAdd(tenantId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Committed(IEnumerable<Guid> tenantIds)
    {
        foreach (var tenantId in tenantIds.Append(Guid.Empty))
        {
            if (_next.TryRemove(tenantId, out var waiting))
            {
                waiting.TrySetResult();
            }
        }
    }

    /// <summary>Waits for <paramref name="next"/> (from <see cref="Next"/>) or for <paramref name="poll"/>, whichever comes first.</summary>
    public static async Task WaitAsync(Task next, TimeSpan poll, TimeProvider clock, CancellationToken cancellationToken)
    {
        try
        {
            await next.WaitAsync(poll, clock, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Time to poll.
        }
    }
}
