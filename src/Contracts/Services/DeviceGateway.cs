using Google.Protobuf.Reflection;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Contracts.Internal.V1;

/// <summary>The internal <c>saasmdm.internal.v1.DeviceGateway</c> service between Edge and Core.</summary>
public static class DeviceGateway
{
    public static ServiceDescriptor Descriptor => DeviceGatewayReflection.Descriptor.Services[0];

    public abstract class DeviceGatewayBase : IGrpcService
    {
        static ServiceDescriptor IGrpcService.Descriptor => DeviceGateway.Descriptor;

        public abstract Task<ResolveTenantResponse> ResolveTenant(ResolveTenantRequest request, ServerCallContext context);
    }

    public sealed class DeviceGatewayClient(CallInvoker callInvoker) : ClientBase(callInvoker), IGrpcClient
    {
        private static readonly Method<ResolveTenantRequest, ResolveTenantResponse> ResolveTenantMethod =
            Method<ResolveTenantRequest, ResolveTenantResponse>.Create(Descriptor, "ResolveTenant");

        static ServiceDescriptor IGrpcClient.Descriptor => Descriptor;

        public AsyncUnaryCall<ResolveTenantResponse> ResolveTenantAsync(ResolveTenantRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(ResolveTenantMethod, options, request);
    }
}
