using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace SaaSMdm.Apple.Push;

/// <summary>The connection pool of one push certificate: TLS client authentication and HTTP/2 tuning.</summary>
internal static class ApnsHttpHandler
{
    public static SocketsHttpHandler Create(X509Certificate2 pushCertificate, ApnsClientOptions options)
    {
        var tls = new SslClientAuthenticationOptions
        {
            // A certificate context is always presented, whatever CA names the server asks for.
            ClientCertificateContext = SslStreamCertificateContext.Create(pushCertificate, additionalCertificates: null, offline: true),
        };
        if (options.TrustedServerRoots is { } roots)
        {
            var policy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
            };
            policy.CustomTrustStore.AddRange(roots);
            tls.CertificateChainPolicy = policy;
        }

        return new SocketsHttpHandler
        {
            SslOptions = tls,
            EnableMultipleHttp2Connections = true,
            MaxConnectionsPerServer = options.MaxConnectionsPerServer,
            PooledConnectionIdleTimeout = options.PooledConnectionIdleTimeout,
            KeepAlivePingDelay = options.KeepAlivePingDelay,
            KeepAlivePingTimeout = options.KeepAlivePingTimeout,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
            ConnectTimeout = options.RequestTimeout,
        };
    }
}
