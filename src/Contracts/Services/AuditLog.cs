using Google.Protobuf.Reflection;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Contracts.V1;

/// <summary>The <c>saasmdm.v1.AuditLog</c> service: its server base and typed client.</summary>
public static class AuditLog
{
    public static ServiceDescriptor Descriptor => AuditLogReflection.Descriptor.Services[0];

    public abstract class AuditLogBase : IGrpcService
    {
        static ServiceDescriptor IGrpcService.Descriptor => AuditLog.Descriptor;

        public abstract Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context);
    }

    public sealed class AuditLogClient(CallInvoker callInvoker) : ClientBase(callInvoker), IGrpcClient
    {
        private static readonly Method<ListAuditEntriesRequest, ListAuditEntriesResponse> ListAuditEntriesMethod = Method<ListAuditEntriesRequest, ListAuditEntriesResponse>.Create(Descriptor, "ListAuditEntries");

        static ServiceDescriptor IGrpcClient.Descriptor => Descriptor;

        public AsyncUnaryCall<ListAuditEntriesResponse> ListAuditEntriesAsync(ListAuditEntriesRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(ListAuditEntriesMethod, options, request);
    }
}
