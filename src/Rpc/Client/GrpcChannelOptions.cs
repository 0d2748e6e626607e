using SaaSMdm.Rpc.Protocol;

namespace SaaSMdm.Rpc.Client;

/// <summary>Client settings for a channel.</summary>
public sealed class GrpcChannelOptions
{
    /// <summary>Largest response message accepted, in bytes (RESOURCE_EXHAUSTED beyond). Null: no limit.</summary>
    public int? MaxReceiveMessageSize { get; set; } = GrpcProtocol.DefaultMaxReceiveMessageSize;

    /// <summary>Largest request message sent, in bytes; null: no limit.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>Send request messages gzip-compressed.</summary>
    public bool CompressRequests { get; set; }

    /// <summary>A handler to send through instead of the channel's own <see cref="System.Net.Http.SocketsHttpHandler"/>.</summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>Dispose <see cref="HttpHandler"/> with the channel.</summary>
    public bool DisposeHttpHandler { get; set; }

    /// <summary>How often an HTTP/2 ping checks an idle connection is alive.</summary>
    public TimeSpan KeepAlivePingDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a ping may go unanswered before the connection is closed.</summary>
    public TimeSpan KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(20);

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a connection is used for new calls before the next call opens a fresh one, resolving the address's
    /// name again: without it a long-lived channel keeps talking to the servers the name pointed at when it
    /// connected, however DNS changes behind it. <see cref="Timeout.InfiniteTimeSpan"/> keeps connections for ever.
    /// </summary>
    public TimeSpan PooledConnectionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Certificate check for https addresses; null uses the system's trust.</summary>
    public System.Net.Security.RemoteCertificateValidationCallback? ServerCertificateValidation { get; set; }

    /// <summary>Adds the <c>authorization</c> header to every call; null sends none.</summary>
    public CallCredentials? Credentials { get; set; }
}
