using Microsoft.AspNetCore.Http;

namespace SaaSMdm.Rpc.Server;

/// <summary>What a handler knows about the call it serves, and what it may say back besides the message.</summary>
public abstract class ServerCallContext
{
    /// <summary>The full method path, <c>/package.Service/Method</c>.</summary>
    public abstract string Method { get; }

    public abstract string Host { get; }

    /// <summary>The caller's address, as <c>ipv4:1.2.3.4:5678</c> or <c>ipv6:[::1]:5678</c>.</summary>
    public abstract string Peer { get; }

    /// <summary>When the caller stops waiting (UTC); <see cref="DateTime.MaxValue"/> when it set no deadline.</summary>
    public abstract DateTime Deadline { get; }

    public abstract Metadata RequestHeaders { get; }

    /// <summary>Cancelled when the caller cancels, the deadline passes or the connection drops.</summary>
    public abstract CancellationToken CancellationToken { get; }

    public abstract Metadata ResponseTrailers { get; }

    /// <summary>The status sent when the handler returns normally.</summary>
    public abstract Status Status { get; set; }

    /// <summary>State that interceptors hand to the handler (for example the caller's tenant).</summary>
    public abstract IDictionary<object, object> UserState { get; }

    /// <summary>Sends response headers now, before the first message.</summary>
    public abstract Task WriteResponseHeadersAsync(Metadata responseHeaders);

    public abstract HttpContext GetHttpContext();
}
