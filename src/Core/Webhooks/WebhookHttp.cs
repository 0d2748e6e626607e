using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace SaaSMdm.Core.Webhooks;

/// <summary>
/// The HTTP client deliveries use. Every connection resolves the host itself and connects only to addresses the
/// <see cref="WebhookUrlPolicy"/> allows, so a host that later resolves to an internal address is refused at the
/// attempt. No redirects (a redirect could lead anywhere), no cookies, no proxy (it would connect on Core's behalf).
/// </summary>
public sealed class WebhookHttp : IDisposable
{
    public WebhookHttp(WebhookUrlPolicy policy, IOptions<WebhookOptions> options)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            ConnectTimeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var addresses = await policy.AddressesAsync(context.DnsEndPoint.Host, cancellationToken);
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        Client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        Client.DefaultRequestHeaders.UserAgent.ParseAdd("SaaSMdm-Webhooks/1");
    }

    public HttpClient Client { get; }

    public void Dispose() => Client.Dispose();
}
