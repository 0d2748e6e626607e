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

        public abstract Task<GetEnrollmentProfileResponse> GetEnrollmentProfile(GetEnrollmentProfileRequest request, ServerCallContext context);

        public abstract Task<ScepResponse> Scep(ScepRequest request, ServerCallContext context);

        public abstract Task<DeviceResponse> CheckIn(CheckInRequest request, ServerCallContext context);

        public abstract Task<DeviceResponse> Connect(ConnectRequest request, ServerCallContext context);

        public abstract Task<DeviceResponse> GetAssetData(DeviceAssetDataRequest request, ServerCallContext context);
    }

    public sealed class DeviceGatewayClient(CallInvoker callInvoker) : ClientBase(callInvoker), IGrpcClient
    {
        private static readonly Method<ResolveTenantRequest, ResolveTenantResponse> ResolveTenantMethod = Method<ResolveTenantRequest, ResolveTenantResponse>.Create(Descriptor, "ResolveTenant");
        private static readonly Method<GetEnrollmentProfileRequest, GetEnrollmentProfileResponse> GetEnrollmentProfileMethod = Method<GetEnrollmentProfileRequest, GetEnrollmentProfileResponse>.Create(Descriptor, "GetEnrollmentProfile");
        private static readonly Method<ScepRequest, ScepResponse> ScepMethod = Method<ScepRequest, ScepResponse>.Create(Descriptor, "Scep");
        private static readonly Method<CheckInRequest, DeviceResponse> CheckInMethod = Method<CheckInRequest, DeviceResponse>.Create(Descriptor, "CheckIn");
        private static readonly Method<ConnectRequest, DeviceResponse> ConnectMethod = Method<ConnectRequest, DeviceResponse>.Create(Descriptor, "Connect");
        private static readonly Method<DeviceAssetDataRequest, DeviceResponse> GetAssetDataMethod = Method<DeviceAssetDataRequest, DeviceResponse>.Create(Descriptor, "GetAssetData");

        static ServiceDescriptor IGrpcClient.Descriptor => Descriptor;

        public AsyncUnaryCall<ResolveTenantResponse> ResolveTenantAsync(ResolveTenantRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(ResolveTenantMethod, options, request);

        public AsyncUnaryCall<GetEnrollmentProfileResponse> GetEnrollmentProfileAsync(GetEnrollmentProfileRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(GetEnrollmentProfileMethod, options, request);

        public AsyncUnaryCall<ScepResponse> ScepAsync(ScepRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(ScepMethod, options, request);

        public AsyncUnaryCall<DeviceResponse> CheckInAsync(CheckInRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(CheckInMethod, options, request);

        public AsyncUnaryCall<DeviceResponse> ConnectAsync(ConnectRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(ConnectMethod, options, request);

        public AsyncUnaryCall<DeviceResponse> GetAssetDataAsync(DeviceAssetDataRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(GetAssetDataMethod, options, request);
    }
}
