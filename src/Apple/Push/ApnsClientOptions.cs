using System.Security.Cryptography.X509Certificates;

namespace SaaSMdm.Apple.Push;

/// <summary>Configuration of one <see cref="ApnsClient"/>.</summary>
public sealed record ApnsClientOptions
{
    /// <summary><see cref="ApnsEndpoints.Production"/> unless the enrollment profile asked for the sandbox.</summary>
    public Uri BaseAddress { get; init; } = ApnsEndpoints.Production;

    /// <summary>Sent as <c>apns-topic</c>; <see langword="null"/> reads it from the push certificate's UID.</summary>
    public string? Topic { get; init; }

    /// <summary>
    /// Roots that the APNs server certificate must chain to instead of the system's (a fake APNs, a proxy);
    /// <see langword="null"/> uses system trust. The host name is checked either way.
    /// </summary>
    public X509Certificate2Collection? TrustedServerRoots { get; init; }

    /// <summary>
    /// Passed to <see cref="System.Net.Http.SocketsHttpHandler.MaxConnectionsPerServer"/>. .NET enforces it for HTTP/1.1
    /// only: over HTTP/2 a new connection opens whenever every open one has reached the server's stream limit
    /// (APNs: up to 1000), so <see cref="MaxConcurrentPushes"/> is what bounds connections in practice.
    /// </summary>
    public int MaxConnectionsPerServer { get; init; } = 4;

    public TimeSpan PooledConnectionIdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>HTTP/2 PING interval on idle connections; APNs drops quiet connections otherwise.</summary>
    public TimeSpan KeepAlivePingDelay { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan KeepAlivePingTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Limit on one request, connecting included; a timeout counts as a transport error.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Expiration of pushes that set none: APNs keeps the push this long for an offline device.</summary>
    public TimeSpan DefaultExpiration { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Pushes in flight at once in <see cref="ApnsClient.SendManyAsync"/>.</summary>
    public int MaxConcurrentPushes { get; init; } = 64;

    public ApnsRetryOptions Retry { get; init; } = new();

    /// <summary>Clock for expirations and backoff delays; tests replace it to avoid real waits.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(BaseAddress, nameof(BaseAddress));
        if (!BaseAddress.IsAbsoluteUri || BaseAddress.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"{nameof(BaseAddress)} must be an absolute https URL; got '{BaseAddress}'.", nameof(BaseAddress));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConnectionsPerServer, 1, nameof(MaxConnectionsPerServer));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentPushes, 1, nameof(MaxConcurrentPushes));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RequestTimeout, TimeSpan.Zero, nameof(RequestTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(DefaultExpiration, TimeSpan.Zero, nameof(DefaultExpiration));
        ArgumentNullException.ThrowIfNull(Retry, nameof(Retry));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        Retry.Validate();
    }
}
