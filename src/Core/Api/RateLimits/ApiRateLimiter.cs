using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using SaaSMdm.Core.Identity;

namespace SaaSMdm.Core.Api.RateLimits;

/// <summary>The API's token buckets, one per caller and one per tenant, in this replica's memory.</summary>
public sealed class ApiRateLimiter : IDisposable
{
    private readonly bool _enabled;
    private readonly PartitionedRateLimiter<(CallerKind Kind, Guid SubjectId)> _callers;
    private readonly PartitionedRateLimiter<Guid> _tenants;

    public ApiRateLimiter(IOptions<RateLimitOptions> options)
    {
        var limits = options.Value;
        _enabled = limits.Enabled;
        _callers = TokenBuckets.PerKey<(CallerKind, Guid)>(limits.PerCallerPerSecond, limits.PerCallerBurst);
        _tenants = TokenBuckets.PerKey<Guid>(limits.PerTenantPerSecond, limits.PerTenantBurst);
    }

    /// <summary>Takes a token from the caller's bucket and, for a call about a tenant, from the tenant's; null when the call may go ahead, else when to retry.</summary>
    public RateLimitRefusal? TryAdmit(ApiCaller caller, Guid? tenantId)
    {
        if (!_enabled)
        {
            return null;
        }

        using (var lease = _callers.AttemptAcquire((caller.Kind, caller.SubjectId)))
        {
            if (!lease.IsAcquired)
            {
                return new RateLimitRefusal("caller", TokenBuckets.RetryAfter(lease));
            }
        }

        if (tenantId is not { } tenant)
        {
            return null;
        }

        using var tenantLease = _tenants.AttemptAcquire(tenant);
        return tenantLease.IsAcquired ? null : new RateLimitRefusal("tenant", TokenBuckets.RetryAfter(tenantLease));
    }

    public void Dispose()
    {
        _callers.Dispose();
        _tenants.Dispose();
    }
}

/// <summary>Which bucket ran dry, and when it holds a token again.</summary>
public sealed record RateLimitRefusal(string Limit, TimeSpan RetryAfter);
