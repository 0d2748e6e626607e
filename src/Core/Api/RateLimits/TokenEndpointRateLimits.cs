using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using SaaSMdm.Contracts.Auth;
using SaaSMdm.Core.Identity;

namespace SaaSMdm.Core.Api.RateLimits;

/// <summary>
/// ASP.NET Core's rate limiter in front of the token endpoint, a bucket per remote address: each request costs Core a
/// database lookup and, for a person, a password hash, whoever sends it. Over the limit the answer is HTTP 429 with
/// <c>Retry-After</c>.
/// </summary>
public static class TokenEndpointRateLimits
{
    /// <summary>The address behind which Kestrel saw no address (never on TCP, but a key is needed).</summary>
    private const string UnknownAddress = "unknown";

    public static IServiceCollection AddTokenEndpointRateLimits(this IServiceCollection services, RateLimitOptions limits)
    {
        services.AddRateLimiter(options =>
        {
            var bucket = TokenBuckets.Of(limits.TokenRequestsPerIpPerSecond, limits.TokenRequestsPerIpBurst);
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                limits.Enabled
                    ? RateLimitPartition.GetTokenBucketLimiter(http.Connection.RemoteIpAddress?.ToString() ?? UnknownAddress, _ => bucket)
                    : RateLimitPartition.GetNoLimiter(UnknownAddress));
            options.OnRejected = (rejected, _) =>
                new ValueTask(TooManyRequests(rejected.HttpContext.Response, TokenBuckets.RetryAfter(rejected.Lease)).ExecuteAsync(rejected.HttpContext));
        });
        return services;
    }

    /// <summary>
    /// Applies the per-address limit to the token endpoint and the people's account endpoints (password reset would
    /// otherwise let anyone make Core hash and mail without end); gRPC calls have their own limits.
    /// </summary>
    public static IApplicationBuilder UseTokenEndpointRateLimits(this IApplicationBuilder app) =>
        app.UseWhen(
            // Routing matches paths without regard to case, so the limit must too.
            http => http.Request.Path.Equals(TokenEndpointClient.Path, StringComparison.OrdinalIgnoreCase)
                || http.Request.Path.Equals(TokenEndpointClient.RevocationPath, StringComparison.OrdinalIgnoreCase)
                || http.Request.Path.StartsWithSegments(AccountEndpoints.PathPrefix, StringComparison.OrdinalIgnoreCase),
            branch => branch.UseRateLimiter());

    /// <summary>HTTP 429 with <c>Retry-After</c> in whole seconds and an OAuth2-style error body.</summary>
    public static IResult TooManyRequests(HttpResponse response, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        return Results.Json(
            new { error = "temporarily_unavailable", error_description = $"Too many token requests: retry in {seconds} s." },
            (JsonSerializerOptions?)null,
            statusCode: StatusCodes.Status429TooManyRequests);
    }
}
