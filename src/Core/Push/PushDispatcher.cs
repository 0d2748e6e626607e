using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace SaaSMdm.Core.Push;

/// <summary>
/// Collects push requests for a short window, so many enqueues for one device end in one push, then sends them
/// per tenant in batches.
/// </summary>
public sealed class PushDispatcher(TenantPushes pushes, IOptions<ApnsOptions> options, TimeProvider clock) : BackgroundService, IPushNotifier
{
    private const int ParallelTenants = 4;

    private readonly Lock _gate = new();
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private Dictionary<Guid, HashSet<Guid>> _pending = [];

    public void Request(Guid tenantId, IReadOnlyCollection<Guid> enrollmentIds)
    {
        if (tenantId == Guid.Empty)
        {
            throw new ArgumentException("A tenant id is required.", nameof(tenantId));
        }

        if (enrollmentIds.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (!_pending.TryGetValue(tenantId, out var ids))
            {
                _pending[tenantId] = ids = [];
            }

            ids.UnionWith(enrollmentIds);
        }

        _wake.Writer.TryWrite(true);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var window = TimeSpan.FromMilliseconds(options.Value.CoalesceMilliseconds);
        while (await _wake.Reader.WaitToReadAsync(stoppingToken))
        {
            _wake.Reader.TryRead(out _);
            await Task.Delay(window, clock, stoppingToken);
            await Parallel.ForEachAsync(TakePending(), new ParallelOptions { MaxDegreeOfParallelism = ParallelTenants, CancellationToken = stoppingToken },
                async (requests, cancellationToken) => await pushes.SendAsync(requests.Key, requests.Value, cancellationToken));
        }
    }

    private Dictionary<Guid, HashSet<Guid>> TakePending()
    {
        lock (_gate)
        {
            var taken = _pending;
            _pending = [];
            return taken;
        }
    }
}
