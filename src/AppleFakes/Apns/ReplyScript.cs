namespace SaaSMdm.AppleFakes.Apns;

/// <summary>
/// Answers for one device token (or for all): steps are used in the order they were added; a step with a
/// count is used that many times, then the next step applies.
/// </summary>
internal sealed class ReplyScript
{
    private readonly Lock _gate = new();
    private readonly Queue<Step> _steps = new();

    public void Add(FakeApnsReply reply, int times)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_gate)
        {
            _steps.Enqueue(new Step(reply, times));
        }
    }

    /// <summary>The next answer, or <see langword="null"/> when the script has run out.</summary>
    public FakeApnsReply? Next()
    {
        lock (_gate)
        {
            if (!_steps.TryPeek(out var step))
            {
                return null;
            }

            if (step.Remaining != FakeApnsServer.Forever && --step.Remaining == 0)
            {
                _steps.Dequeue();
            }

            return step.Reply;
        }
    }

    private sealed class Step(FakeApnsReply reply, int remaining)
    {
        public FakeApnsReply Reply { get; } = reply;

        public int Remaining { get; set; } = remaining;
    }
}
