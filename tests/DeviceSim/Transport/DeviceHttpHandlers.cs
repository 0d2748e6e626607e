using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace SaaSMdm.DeviceSim.Transport;

/// <summary>HTTP handlers with a device's view of TLS: which roots it trusts, which client certificate it shows.</summary>
public static class DeviceHttpHandlers
{
    /// <summary>A handler that devices of a fleet share for requests without a client certificate.</summary>
    public static SocketsHttpHandler CreateShared(ServerTrust trust, int maxConnectionsPerServer = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(trust);
        if (trust.TrustProfileRoot)
        {
            throw new ArgumentException("A shared handler cannot change its trust after a profile download; give TrustedRoots instead.", nameof(trust));
        }

        var handler = Create(trust.TrustedRoots, acceptAnyServerCertificate: false, clientCertificate: null);
        handler.MaxConnectionsPerServer = maxConnectionsPerServer;
        return handler;
    }

    /// <param name="roots">The only roots trusted; empty for the operating system's store.</param>
    /// <param name="acceptAnyServerCertificate">Skip server validation altogether (the first download of <see cref="ServerTrust.TrustProfileRoot"/>).</param>
    /// <param name="clientCertificate">A certificate with its private key to present, or null.</param>
    internal static SocketsHttpHandler Create(
        IReadOnlyCollection<X509Certificate2> roots, bool acceptAnyServerCertificate, X509Certificate2? clientCertificate)
    {
        var tls = new SslClientAuthenticationOptions();
        if (acceptAnyServerCertificate)
        {
            tls.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }
        else if (roots.Count > 0)
        {
            var policy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
                DisableCertificateDownloads = true,
            };
            policy.CustomTrustStore.AddRange(roots.ToArray());
            tls.CertificateChainPolicy = policy;
        }

        if (clientCertificate is not null)
        {
            tls.ClientCertificates = [clientCertificate];
            tls.LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate;
        }

        return new SocketsHttpHandler
        {
            SslOptions = tls,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        };
    }
}
