using Google.Protobuf.Reflection;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Contracts.V1;

/// <summary>The <c>saasmdm.v1.Commands</c> service: its server base and typed client.</summary>
public static class Commands
{
    public static ServiceDescriptor Descriptor => CommandsReflection.Descriptor.Services[0];

    public abstract class CommandsBase : IGrpcService
    {
        static ServiceDescriptor IGrpcService.Descriptor => Commands.Descriptor;

        public abstract Task<EnqueueCommandResponse> EnqueueCommand(EnqueueCommandRequest request, ServerCallContext context);

        public abstract Task<ListDeviceCommandsResponse> ListDeviceCommands(ListDeviceCommandsRequest request, ServerCallContext context);

        public abstract Task<CancelCommandResponse> CancelCommand(CancelCommandRequest request, ServerCallContext context);
    }

    public sealed class CommandsClient(CallInvoker callInvoker) : ClientBase(callInvoker), IGrpcClient
    {
        private static readonly Method<EnqueueCommandRequest, EnqueueCommandResponse> EnqueueCommandMethod = Method<EnqueueCommandRequest, EnqueueCommandResponse>.Create(Descriptor, "EnqueueCommand");
        private static readonly Method<ListDeviceCommandsRequest, ListDeviceCommandsResponse> ListDeviceCommandsMethod = Method<ListDeviceCommandsRequest, ListDeviceCommandsResponse>.Create(Descriptor, "ListDeviceCommands");
        private static readonly Method<CancelCommandRequest, CancelCommandResponse> CancelCommandMethod = Method<CancelCommandRequest, CancelCommandResponse>.Create(Descriptor, "CancelCommand");

        static ServiceDescriptor IGrpcClient.Descriptor => Descriptor;

        public AsyncUnaryCall<EnqueueCommandResponse> EnqueueCommandAsync(EnqueueCommandRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(EnqueueCommandMethod, options, request);

        public AsyncUnaryCall<ListDeviceCommandsResponse> ListDeviceCommandsAsync(ListDeviceCommandsRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(ListDeviceCommandsMethod, options, request);

        public AsyncUnaryCall<CancelCommandResponse> CancelCommandAsync(CancelCommandRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(CancelCommandMethod, options, request);
    }
}
