namespace SaaSMdm.AppleFakes.Apns;

/// <summary>Received pushes, and callers waiting for a number of them.</summary>
internal sealed class PushLog
{
    private readonly Lock _gate = new();
    private readonly List<ReceivedPush> _pushes = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];

    public IReadOnlyList<ReceivedPush> Snapshot()
    {
        lock (_gate)
        {
            return [.. _pushes];
        }
    }

    public void Add(ReceivedPush push)
    {
        lock (_gate)
        {
            _pushes.Add(push);
            foreach (var waiter in _waiters.Where(w => w.Count <= _pushes.Count))
            {
                waiter.Signal.TrySetResult();
            }
        }
    }

    public async Task<IReadOnlyList<ReceivedPush>> WaitForAsync(int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waiter = (Count: count, Signal: new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_gate)
        {
            if (_pushes.Count >= count)
            {
                return [.. _pushes];
            }

            _waiters.Add(waiter);
        }

        try
        {
            await waiter.Signal.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            return Snapshot();
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Expected {count} pushes within {timeout}; received {Snapshot().Count}.");
        }
        finally
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }
        }
    }
}
