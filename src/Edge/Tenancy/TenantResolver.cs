using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using SaaSMdm.Contracts;
using SaaSMdm.Contracts.Internal.V1;
using SaaSMdm.Edge.Hosting;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Client;

namespace SaaSMdm.Edge.Tenancy;

/// <summary>
/// Finds the tenant a device URL names. Malformed slugs never reach Core; answers (also "no such
/// tenant") are cached briefly in a bounded cache, so a flood of requests costs Core little.
/// </summary>
public sealed class TenantResolver(DeviceGateway.DeviceGatewayClient gateway, IOptions<EdgeOptions> options)
{
    private static readonly TimeSpan CoreTimeout = TimeSpan.FromSeconds(5);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    /// <summary>The tenant, or null when there is none with this slug.</summary>
    /// <exception cref="CoreUnavailableException">Core did not answer.</exception>
    public async ValueTask<ResolvedTenant?> ResolveAsync(string slug, CancellationToken cancellationToken)
    {
        if (!TenantSlugFormat.IsWellFormed(slug))
        {
            return null;
        }

        if (_cache.TryGetValue(slug, out ResolvedTenant? cached))
        {
            return cached;
        }

        var tenant = await AskCoreAsync(slug, cancellationToken);
        var lifetime = tenant is null ? options.Value.UnknownTenantCacheSeconds : options.Value.TenantCacheSeconds;
        _cache.Set(slug, tenant, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(lifetime) });
        return tenant;
    }

    private async Task<ResolvedTenant?> AskCoreAsync(string slug, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await gateway.ResolveTenantAsync(
                new ResolveTenantRequest { Slug = slug },
                new CallOptions(CancellationToken: cancellationToken).WithTimeout(CoreTimeout));
            return new ResolvedTenant(reply.TenantId, reply.Slug, reply.DisplayName);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CoreUnavailableException($"Core did not resolve tenant '{slug}': {ex.StatusCode}", ex);
        }
    }
}
