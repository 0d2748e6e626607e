using System.Runtime.CompilerServices;

namespace SaaSMdm.Rpc.Client;

/// <summary>A unary call in flight: await it for the response, or ask for headers, status and trailers.</summary>
public sealed class AsyncUnaryCall<TResponse>(Task<TResponse> responseAsync, ICallState state) : IDisposable
{
    public Task<TResponse> ResponseAsync => responseAsync;

    /// <summary>The response headers; built only when asked for, as most callers never are.</summary>
    public Task<Metadata> ResponseHeadersAsync => state.GetResponseHeadersAsync();

    public TaskAwaiter<TResponse> GetAwaiter() => responseAsync.GetAwaiter();

    /// <summary>The status, once the call has finished.</summary>
    public Status GetStatus() => state.GetStatus();

    /// <summary>The trailers, once the call has finished.</summary>
    public Metadata GetTrailers() => state.GetTrailers();

    /// <summary>Cancels the call if it is still running and frees its resources.</summary>
    public void Dispose() => state.Dispose();
}
