using Google.Protobuf.Reflection;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Contracts.V1;

/// <summary>The <c>saasmdm.v1.DeclarativeStatus</c> service: its server base and typed client.</summary>
public static class DeclarativeStatus
{
    public static ServiceDescriptor Descriptor => DeclarativeStatusReflection.Descriptor.Services[0];

    public abstract class DeclarativeStatusBase : IGrpcService
    {
        static ServiceDescriptor IGrpcService.Descriptor => DeclarativeStatus.Descriptor;

        public abstract Task<DeviceDeclarativeStatus> GetDeviceStatus(GetDeviceStatusRequest request, ServerCallContext context);

        public abstract Task<ListStatusReportsResponse> ListStatusReports(ListStatusReportsRequest request, ServerCallContext context);

        public abstract Task<DeclarationFleetStatus> GetDeclarationFleetStatus(GetDeclarationFleetStatusRequest request, ServerCallContext context);
    }

    public sealed class DeclarativeStatusClient(CallInvoker callInvoker) : ClientBase(callInvoker), IGrpcClient
    {
        private static readonly Method<GetDeviceStatusRequest, DeviceDeclarativeStatus> GetDeviceStatusMethod = Method<GetDeviceStatusRequest, DeviceDeclarativeStatus>.Create(Descriptor, "GetDeviceStatus");
        private static readonly Method<ListStatusReportsRequest, ListStatusReportsResponse> ListStatusReportsMethod = Method<ListStatusReportsRequest, ListStatusReportsResponse>.Create(Descriptor, "ListStatusReports");
        private static readonly Method<GetDeclarationFleetStatusRequest, DeclarationFleetStatus> GetDeclarationFleetStatusMethod = Method<GetDeclarationFleetStatusRequest, DeclarationFleetStatus>.Create(Descriptor, "GetDeclarationFleetStatus");

        static ServiceDescriptor IGrpcClient.Descriptor => Descriptor;

        public AsyncUnaryCall<DeviceDeclarativeStatus> GetDeviceStatusAsync(GetDeviceStatusRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(GetDeviceStatusMethod, options, request);

        public AsyncUnaryCall<ListStatusReportsResponse> ListStatusReportsAsync(ListStatusReportsRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(ListStatusReportsMethod, options, request);

        public AsyncUnaryCall<DeclarationFleetStatus> GetDeclarationFleetStatusAsync(GetDeclarationFleetStatusRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(GetDeclarationFleetStatusMethod, options, request);
    }
}
