using System.Collections.Concurrent;

namespace SaaSMdm.Rpc.TestService;

/// <summary>What the test service observed, so tests can check the server side of a call.</summary>
public sealed class TestServiceState
{
    private long _calls;

    /// <summary>Messages of Echo calls whose handler saw its cancellation token fire.</summary>
    public ConcurrentQueue<string> CancelledEchoes { get; } = new();

    public long Calls => Interlocked.Read(ref _calls);

    public void CountCall() => Interlocked.Increment(ref _calls);
}
