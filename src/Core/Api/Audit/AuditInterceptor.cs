using Google.Protobuf;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Identity;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Interceptors;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Core.Api.Audit;

/// <summary>
/// Records every call of an <see cref="AuditedMethods">audited RPC</see> in its tenant's audit log once it has ended,
/// whatever the outcome. Listed before <see cref="ApiAuthorizationInterceptor"/>, so calls it refuses are recorded
/// too, with the caller it authenticated. Calls without a valid access token have no one to attribute them to and
/// are not recorded (the call log has them).
/// </summary>
public sealed class AuditInterceptor(CurrentCaller current, AuditLogWriter writer, TimeProvider clock) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (!AuditedMethods.IsAudited(context.Method))
        {
            return await continuation(request, context);
        }

        var arrivedAt = StoredTime.UtcNow(clock);
        TResponse response;
        try
        {
            response = await continuation(request, context);
        }
        catch (Exception e)
        {
            await RecordAsync(context, arrivedAt, request, null, AuditOutcome.Of(e, context));
            throw;
        }

        await RecordAsync(context, arrivedAt, request, response, AuditOutcome.Of(context.Status));
        return response;
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (!AuditedMethods.IsAudited(context.Method))
        {
            await continuation(request, responseStream, context);
            return;
        }

        var arrivedAt = StoredTime.UtcNow(clock);
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e)
        {
            await RecordAsync(context, arrivedAt, request, null, AuditOutcome.Of(e, context));
            throw;
        }

        await RecordAsync(context, arrivedAt, request, null, AuditOutcome.Of(context.Status));
    }

    private async Task RecordAsync(ServerCallContext context, DateTime arrivedAt, IMessage request, IMessage? response, AuditOutcome outcome)
    {
        if (!current.IsAuthenticated || outcome.Code == StatusCode.Unauthenticated || AuditTenant.Of(request, response) is not { } tenantId)
        {
            return;
        }

        var caller = current.Caller;
        await writer.WriteAsync(new AuditEntryEntity
        {
            Id = Guid.CreateVersion7(arrivedAt),
            TenantId = tenantId,
            OccurredAt = arrivedAt,
            ActorKind = caller.Kind,
            ActorId = caller.SubjectId,
            ActorName = Contracts.CallerText.Shorten(caller.Name, AuditEntryEntity.MaxActorNameLength),
            Method = context.Method,
            Target = AuditTarget.Describe(request, response),
            Outcome = outcome.Name,
            Detail = outcome.BoundedDetail,
            Peer = PeerOf(context),
        });
    }

    /// <summary>The caller's IP address; an IPv4 client on a dual-stack socket is shown as IPv4.</summary>
    private static string PeerOf(ServerCallContext context) =>
        context.GetHttpContext().Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : context.Peer;
}
