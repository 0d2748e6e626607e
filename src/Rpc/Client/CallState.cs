namespace SaaSMdm.Rpc.Client;

/// <summary>
/// What a call in flight can tell its caller beyond the messages. Calls pass themselves as this state so
/// the call objects need no per-call delegates.
/// </summary>
public interface ICallState
{
    Task<Metadata> GetResponseHeadersAsync();

    Status GetStatus();

    Metadata GetTrailers();

    void Dispose();
}
