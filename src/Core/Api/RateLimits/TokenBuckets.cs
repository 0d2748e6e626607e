using System.Threading.RateLimiting;

namespace SaaSMdm.Core.Api.RateLimits;

/// <summary>Token buckets refilled once a second and never queueing: a call either goes ahead at once or is told when to retry.</summary>
internal static class TokenBuckets
{
    public static TokenBucketRateLimiterOptions Of(int perSecond, int burst) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>Partitions per key, each a bucket; a full bucket is idle and its partition is dropped after a while, so memory follows the active keys.</summary>
    public static PartitionedRateLimiter<TKey> PerKey<TKey>(int perSecond, int burst) where TKey : notnull
    {
        var options = Of(perSecond, burst);
        return PartitionedRateLimiter.Create<TKey, TKey>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => options));
    }

    /// <summary>When the refused caller may try again: the limiter's estimate, else one refill.</summary>
    public static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero ? retryAfter : TimeSpan.FromSeconds(1);
}
