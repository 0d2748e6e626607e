using System.Runtime.CompilerServices;

namespace SaaSMdm.Rpc.Client;

/// <summary>A unary call in flight: await it for the response, or ask for headers, status and trailers.</summary>
public sealed class AsyncUnaryCall<TResponse>(
    Task<TResponse> responseAsync,
    Task<Metadata> responseHeadersAsync,
    Func<Status> getStatus,
    Func<Metadata> getTrailers,
    Action dispose) : IDisposable
{
    public Task<TResponse> ResponseAsync => responseAsync;

    public Task<Metadata> ResponseHeadersAsync => responseHeadersAsync;

    public TaskAwaiter<TResponse> GetAwaiter() => responseAsync.GetAwaiter();

    /// <summary>The status, once the call has finished.</summary>
    public Status GetStatus() => getStatus();

    /// <summary>The trailers, once the call has finished.</summary>
    public Metadata GetTrailers() => getTrailers();

    /// <summary>Cancels the call if it is still running and frees its resources.</summary>
    public void Dispose() => dispose();
}
