using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace SaaSMdm.Rpc.Server;

public static class KestrelGrpcExtensions
{
    /// <summary>
    /// Listens for gRPC on <paramref name="url"/>: <c>http://</c> is cleartext HTTP/2 with prior knowledge (h2c,
    /// for traffic inside a cluster); <c>https://</c> is HTTP/2 over TLS with <paramref name="certificate"/>
    /// (HTTP/1.1 stays available there for non-gRPC endpoints). Port 0 picks a free port.
    /// </summary>
    public static void ListenGrpc(this KestrelServerOptions kestrel, Uri url, X509Certificate2? certificate = null)
    {
        if (url.Scheme == Uri.UriSchemeHttps)
        {
            if (certificate is null)
            {
                throw new ArgumentException($"{url} is https and needs a server certificate.", nameof(certificate));
            }

            kestrel.Listen(url, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(certificate);
            });
        }
        else
        {
            kestrel.Listen(url, listen => listen.Protocols = HttpProtocols.Http2);
        }
    }

    /// <summary>True for the host names that mean "every interface".</summary>
    public static bool IsAnyAddress(string host) => host is "*" or "+" or "0.0.0.0" or "[::]" or "::";

    /// <summary>Listens on the address of <paramref name="url"/>: an IP literal, <c>localhost</c> (loopback) or <c>*</c>/<c>+</c>/<c>0.0.0.0</c> (any).</summary>
    public static void Listen(this KestrelServerOptions kestrel, Uri url, Action<ListenOptions> configure)
    {
        var host = url.Host;
        if (IsAnyAddress(host))
        {
            kestrel.ListenAnyIP(url.Port, configure);
        }
        else if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.Listen(IPAddress.Loopback, url.Port, configure);
        }
        else if (IPAddress.TryParse(host.Trim('[', ']'), out var address))
        {
            kestrel.Listen(address, url.Port, configure);
        }
        else
        {
            throw new ArgumentException($"Listen address '{url}' must name an IP address, localhost or *.", nameof(url));
        }
    }
}
