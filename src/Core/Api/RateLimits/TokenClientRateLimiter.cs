using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Api.RateLimits;

/// <summary>
/// How many tokens one API client is issued, so a client stuck in a loop cannot load the token endpoint. The portal's
/// client is not counted: its requests are people's sign-ins, which lockout and the per-address limit already bound.
/// </summary>
public sealed class TokenClientRateLimiter : IDisposable
{
    private readonly bool _enabled;
    private readonly PartitionedRateLimiter<Guid> _clients;

    public TokenClientRateLimiter(IOptions<RateLimitOptions> options)
    {
        _enabled = options.Value.Enabled;
        _clients = TokenBuckets.PerKey<Guid>(options.Value.TokenRequestsPerClientPerSecond, options.Value.TokenRequestsPerClientBurst);
    }

    /// <summary>Null when <paramref name="client"/> may have a token now, else when to ask again.</summary>
    public TimeSpan? TryAdmit(ApiClientEntity client)
    {
        if (!_enabled || client.IsPortal)
        {
            return null;
        }

        using var lease = _clients.AttemptAcquire(client.Id);
        return lease.IsAcquired ? null : TokenBuckets.RetryAfter(lease);
    }

    public void Dispose() => _clients.Dispose();
}
