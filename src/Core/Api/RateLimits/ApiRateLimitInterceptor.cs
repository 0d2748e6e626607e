using System.Globalization;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Identity;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Interceptors;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Core.Api.RateLimits;

/// <summary>
/// Counts every authorized call of the public API against its caller's and its tenant's buckets (a server-streaming
/// call once, when it starts) and refuses one over the limit with RESOURCE_EXHAUSTED and when to retry. Runs after
/// <see cref="ApiAuthorizationInterceptor"/>, which names the caller and enters the tenant; calls it did not
/// authorize (health, the device gateway) are not counted.
/// </summary>
public sealed partial class ApiRateLimitInterceptor(ApiRateLimiter limiter, CurrentCaller current, TenantContext tenantContext, ILogger<ApiRateLimitInterceptor> logger) : Interceptor
{
    /// <summary>The retry hint in milliseconds, for any client.</summary>
    public const string RetryAfterTrailer = "retry-after-ms";

    /// <summary>gRPC's own retry hint (gRFC A6), which clients with a retry policy honour.</summary>
    public const string RetryPushbackTrailer = "grpc-retry-pushback-ms";

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(request, responseStream, context);
    }

    private void Admit(ServerCallContext context)
    {
        if (!current.IsAuthenticated)
        {
            return;
        }

        var caller = current.Caller;
        if (limiter.TryAdmit(caller, tenantContext.HasTenant ? tenantContext.TenantId : null) is not { } refusal)
        {
            return;
        }

        var milliseconds = ((long)Math.Ceiling(refusal.RetryAfter.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
        LogRefused(logger, context.Method, caller.Kind, caller.SubjectId, refusal.Limit, refusal.RetryAfter.TotalMilliseconds);
        throw new RpcException(
            new Status(StatusCode.ResourceExhausted, $"Rate limit: retry in {milliseconds} ms"),
            new Metadata().Add(RetryAfterTrailer, milliseconds).Add(RetryPushbackTrailer, milliseconds));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rate limit refused {Method} of {CallerKind} {SubjectId}: the {Limit} bucket is empty for {RetryAfterMs:0} ms")]
    private static partial void LogRefused(ILogger logger, string method, CallerKind callerKind, Guid subjectId, string limit, double retryAfterMs);
}
