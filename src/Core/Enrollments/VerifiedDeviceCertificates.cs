using Microsoft.Extensions.Caching.Memory;

namespace SaaSMdm.Core.Enrollments;

/// <summary>
/// Device certificates already proven to chain to a tenant's CA, by tenant and SHA-256, so a device's frequent
/// requests skip parsing the certificate, loading the CA and building the chain. An entry lasts a few minutes and
/// never past the certificate's expiry; binding to the enrollment is still checked on every request.
/// </summary>
public sealed class VerifiedDeviceCertificates : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _verified = new(new MemoryCacheOptions { SizeLimit = 200_000 });

    public bool IsVerified(Guid tenantId, string sha256, DateTime now) =>
        _verified.TryGetValue((tenantId, sha256), out DateTime until) && until > now;

    public void Remember(Guid tenantId, string sha256, DateTime notAfter, DateTime now)
    {
        var until = notAfter < now + Lifetime ? notAfter : now + Lifetime;
        if (until <= now)
        {
            return;
        }

        // The cache's own eviction runs on the wall clock; the stored time, compared with the caller's clock, decides.
        _verified.Set((tenantId, sha256), until, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = until - now });
    }

    public void Dispose() => _verified.Dispose();
}
