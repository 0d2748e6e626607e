using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SaaSMdm.Core.Identity;

namespace SaaSMdm.Core.Events;

/// <summary>
/// Counts each caller's open WatchEvents streams on this replica, so one caller (a leaking integration, say) cannot
/// hold every poller and database connection of the replica; each stream costs a query per poll.
/// </summary>
public sealed class WatchStreamLimiter(IOptions<EventOptions> options)
{
    private readonly ConcurrentDictionary<(CallerKind, Guid), int> _open = new();

    /// <summary>A slot for one more stream of <paramref name="caller"/>, released on dispose; null when the caller has its maximum open.</summary>
    public IDisposable? TryOpen(ApiCaller caller)
    {
        var key = (caller.Kind, caller.SubjectId);
        var max = options.Value.MaxStreamsPerCaller;
        while (true)
        {
            var open = _open.GetValueOrDefault(key);
            if (open >= max)
            {
                return null;
            }

            if (open == 0 ? _open.TryAdd(key, 1) : _open.TryUpdate(key, open + 1, open))
            {
                return new Slot(this, key);
            }
        }
    }

    private void Close((CallerKind, Guid) key)
    {
        while (true)
        {
            var open = _open[key];
            if (open == 1 ? _open.TryRemove(KeyValuePair.Create(key, 1)) : _open.TryUpdate(key, open - 1, open))
            {
                return;
            }
        }
    }

    private sealed class Slot(WatchStreamLimiter limiter, (CallerKind, Guid) key) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                limiter.Close(key);
            }
        }
    }
}
