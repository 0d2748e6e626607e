namespace SaaSMdm.Rpc.Client;

/// <summary>A server-streaming call in flight. Disposing it before the stream ends cancels the call.</summary>
public sealed class AsyncServerStreamingCall<TResponse>(IAsyncStreamReader<TResponse> responseStream, ICallState state) : IDisposable
{
    public IAsyncStreamReader<TResponse> ResponseStream => responseStream;

    public Task<Metadata> ResponseHeadersAsync => state.GetResponseHeadersAsync();

    public Status GetStatus() => state.GetStatus();

    public Metadata GetTrailers() => state.GetTrailers();

    public void Dispose() => state.Dispose();
}
