using Google.Protobuf.Reflection;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Contracts.V1;

/// <summary>The <c>saasmdm.v1.Devices</c> service: its server base and typed client.</summary>
public static class Devices
{
    public static ServiceDescriptor Descriptor => DevicesReflection.Descriptor.Services[0];

    public abstract class DevicesBase : IGrpcService
    {
        static ServiceDescriptor IGrpcService.Descriptor => Devices.Descriptor;

        public abstract Task<ListDevicesResponse> ListDevices(ListDevicesRequest request, ServerCallContext context);

        public abstract Task<Device> GetDevice(GetDeviceRequest request, ServerCallContext context);

        public abstract Task<FleetSummary> GetFleetSummary(GetFleetSummaryRequest request, ServerCallContext context);

        public abstract Task<PushDeviceResponse> PushDevice(PushDeviceRequest request, ServerCallContext context);

        public abstract Task<RemoveDeviceResponse> RemoveDevice(RemoveDeviceRequest request, ServerCallContext context);
    }

    public sealed class DevicesClient(CallInvoker callInvoker) : ClientBase(callInvoker), IGrpcClient
    {
        private static readonly Method<ListDevicesRequest, ListDevicesResponse> ListDevicesMethod = Method<ListDevicesRequest, ListDevicesResponse>.Create(Descriptor, "ListDevices");
        private static readonly Method<GetDeviceRequest, Device> GetDeviceMethod = Method<GetDeviceRequest, Device>.Create(Descriptor, "GetDevice");
        private static readonly Method<GetFleetSummaryRequest, FleetSummary> GetFleetSummaryMethod = Method<GetFleetSummaryRequest, FleetSummary>.Create(Descriptor, "GetFleetSummary");
        private static readonly Method<PushDeviceRequest, PushDeviceResponse> PushDeviceMethod = Method<PushDeviceRequest, PushDeviceResponse>.Create(Descriptor, "PushDevice");
        private static readonly Method<RemoveDeviceRequest, RemoveDeviceResponse> RemoveDeviceMethod = Method<RemoveDeviceRequest, RemoveDeviceResponse>.Create(Descriptor, "RemoveDevice");

        static ServiceDescriptor IGrpcClient.Descriptor => Descriptor;

        public AsyncUnaryCall<ListDevicesResponse> ListDevicesAsync(ListDevicesRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(ListDevicesMethod, options, request);

        public AsyncUnaryCall<Device> GetDeviceAsync(GetDeviceRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(GetDeviceMethod, options, request);

        public AsyncUnaryCall<FleetSummary> GetFleetSummaryAsync(GetFleetSummaryRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(GetFleetSummaryMethod, options, request);

        public AsyncUnaryCall<PushDeviceResponse> PushDeviceAsync(PushDeviceRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(PushDeviceMethod, options, request);

        public AsyncUnaryCall<RemoveDeviceResponse> RemoveDeviceAsync(RemoveDeviceRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(RemoveDeviceMethod, options, request);
    }
}
