using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;

namespace SaaSMdm.Rpc.Client;

/// <summary>
/// A connection pool to one gRPC server: HTTP/2 over TLS for https addresses, cleartext HTTP/2
/// (prior knowledge) for http ones. Calls are multiplexed as streams; when a connection runs out
/// of streams another is opened. Thread-safe; make one per server and share it.
/// </summary>
public sealed class GrpcChannel : IDisposable
{
    private readonly ConcurrentDictionary<string, Uri> _methodUris = new(StringComparer.Ordinal);
    private readonly bool _disposeHandler;

    private GrpcChannel(Uri address, GrpcChannelOptions options)
    {
        Address = address;
        Options = options;
        if (options.HttpHandler is { } handler)
        {
            HttpInvoker = new HttpMessageInvoker(handler, disposeHandler: false);
            _disposeHandler = options.DisposeHttpHandler;
            OwnedHandler = handler;
        }
        else
        {
            var sockets = CreateSocketsHandler(options);
            HttpInvoker = new HttpMessageInvoker(sockets, disposeHandler: false);
            _disposeHandler = true;
            OwnedHandler = sockets;
        }
    }

    public Uri Address { get; }

    public GrpcChannelOptions Options { get; }

    internal HttpMessageInvoker HttpInvoker { get; }

    private HttpMessageHandler OwnedHandler { get; }

    internal const string UserAgent = "grpc-dotnet-saasmdm/1.0";

    public static GrpcChannel ForAddress(string address, GrpcChannelOptions? options = null) =>
        ForAddress(new Uri(address), options);

    public static GrpcChannel ForAddress(Uri address, GrpcChannelOptions? options = null)
    {
        if (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"A gRPC address is http:// (h2c) or https://, not '{address.Scheme}'.", nameof(address));
        }

        return new GrpcChannel(address, options ?? new GrpcChannelOptions());
    }

    public CallInvoker CreateCallInvoker() => new HttpCallInvoker(this);

    internal Uri GetMethodUri(string fullName) => _methodUris.GetOrAdd(fullName, static (name, address) => new Uri(address, name), Address);

    public void Dispose()
    {
        HttpInvoker.Dispose();
        if (_disposeHandler)
        {
            OwnedHandler.Dispose();
        }
    }

    private static SocketsHttpHandler CreateSocketsHandler(GrpcChannelOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            PooledConnectionLifetime = options.PooledConnectionLifetime,
            KeepAlivePingDelay = options.KeepAlivePingDelay,
            KeepAlivePingTimeout = options.KeepAlivePingTimeout,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
            ConnectTimeout = options.ConnectTimeout,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            UseProxy = false,
        };
        if (options.ServerCertificateValidation is { } validation)
        {
            handler.SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = validation };
        }

        return handler;
    }
}
