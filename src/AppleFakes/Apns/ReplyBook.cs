namespace SaaSMdm.AppleFakes.Apns;

/// <summary>The programmed answers: per device token first, then for all tokens, then 200.</summary>
internal sealed class ReplyBook
{
    private readonly ReplyScript _forAll = new();
    private readonly Dictionary<string, ReplyScript> _byToken = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    public void AddFor(string deviceTokenHex, FakeApnsReply reply, int times)
    {
        ReplyScript? script;
        lock (_gate)
        {
            if (!_byToken.TryGetValue(deviceTokenHex, out script))
            {
                script = new ReplyScript();
                _byToken.Add(deviceTokenHex, script);
            }
        }

        script.Add(reply, times);
    }

    public void AddForAll(FakeApnsReply reply, int times) => _forAll.Add(reply, times);

    public FakeApnsReply Next(string deviceTokenHex)
    {
        ReplyScript? script;
        lock (_gate)
        {
            _byToken.TryGetValue(deviceTokenHex, out script);
        }

        return script?.Next() ?? _forAll.Next() ?? FakeApnsReply.Delivered;
    }
}
