using Google.Protobuf.Reflection;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.Server;

namespace Grpc.Health.V1;

/// <summary>The standard <c>grpc.health.v1.Health</c> service.</summary>
public static class Health
{
    public static ServiceDescriptor Descriptor => HealthReflection.Descriptor.Services[0];

    public abstract class HealthBase : IGrpcService
    {
        static ServiceDescriptor IGrpcService.Descriptor => Health.Descriptor;

        public abstract Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context);

        public abstract Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context);
    }

    public sealed class HealthClient(CallInvoker callInvoker) : ClientBase(callInvoker), IGrpcClient
    {
        private static readonly Method<HealthCheckRequest, HealthCheckResponse> CheckMethod = Method<HealthCheckRequest, HealthCheckResponse>.Create(Descriptor, "Check");
        private static readonly Method<HealthCheckRequest, HealthCheckResponse> WatchMethod = Method<HealthCheckRequest, HealthCheckResponse>.Create(Descriptor, "Watch");

        static ServiceDescriptor IGrpcClient.Descriptor => Descriptor;

        public AsyncUnaryCall<HealthCheckResponse> CheckAsync(HealthCheckRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(CheckMethod, options, request);

        public AsyncServerStreamingCall<HealthCheckResponse> WatchAsync(HealthCheckRequest request, CallOptions options = default) =>
            CallInvoker.AsyncServerStreamingCall(WatchMethod, options, request);
    }
}
