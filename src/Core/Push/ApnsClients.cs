using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using SaaSMdm.Apple.Push;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Push;

/// <summary>
/// One <see cref="ApnsClient"/> (a pool of HTTP/2 connections) per tenant push certificate, kept between pushes.
/// A replaced certificate gets a new client; the old one is disposed once the sends using it are done.
/// </summary>
public sealed class ApnsClients(IApnsEndpoint endpoint, PushCertificateRecords records, IOptions<ApnsOptions> options, TimeProvider clock) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, CachedClient> _clients = [];

    /// <summary>The client for this certificate; dispose the lease when the sends are done.</summary>
    public ApnsClientLease Acquire(PushCertificateEntity certificate)
    {
        lock (_gate)
        {
            if (_clients.TryGetValue(certificate.TenantId, out var cached) && cached.IsFor(certificate))
            {
                return cached.Lease();
            }

            var fresh = Create(certificate);
            cached?.Retire();
            _clients[certificate.TenantId] = fresh;
            return fresh.Lease();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var cached in _clients.Values)
            {
                cached.Retire();
            }

            _clients.Clear();
        }
    }

    private CachedClient Create(PushCertificateEntity certificate)
    {
        var withKey = records.Load(certificate);
        try
        {
            return new CachedClient(new ApnsClient(withKey, new ApnsClientOptions
            {
                BaseAddress = endpoint.BaseAddress,
                TrustedServerRoots = endpoint.TrustedServerRoots,
                Topic = certificate.Topic,
                DefaultExpiration = TimeSpan.FromHours(options.Value.ExpirationHours),
                TimeProvider = clock,
            }), withKey);
        }
        catch
        {
            withKey.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A client and the certificate its connections authenticate with (it must outlive them), with a count of the
    /// sends using it, so retiring it never cuts one off.
    /// </summary>
    private sealed class CachedClient(ApnsClient client, X509Certificate2 certificate)
    {
        private readonly Lock _gate = new();
        private int _users;
        private bool _retired;

        public bool IsFor(PushCertificateEntity stored) => stored.CertificateDer.AsSpan().SequenceEqual(certificate.RawData);

        public ApnsClientLease Lease()
        {
            lock (_gate)
            {
                _users++;
                return new ApnsClientLease(client, Release);
            }
        }

        public void Retire()
        {
            lock (_gate)
            {
                _retired = true;
                DisposeIfUnused();
            }
        }

        private void Release()
        {
            lock (_gate)
            {
                _users--;
                DisposeIfUnused();
            }
        }

        private void DisposeIfUnused()
        {
            if (_retired && _users == 0)
            {
                client.Dispose();
                certificate.Dispose();
            }
        }
    }
}

/// <summary>Use of a cached <see cref="ApnsClient"/>; disposing it hands the client back.</summary>
public sealed class ApnsClientLease(ApnsClient client, Action release) : IDisposable
{
    private int _released;

    public ApnsClient Client => client;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            release();
        }
    }
}
