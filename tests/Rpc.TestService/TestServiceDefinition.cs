using Google.Protobuf.Reflection;
using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Rpc.TestService;

public static class TestServiceDefinition
{
    public static ServiceDescriptor Descriptor => TestServiceReflection.Descriptor.Services[0];

    public abstract class TestServiceBase : IGrpcService
    {
        static ServiceDescriptor IGrpcService.Descriptor => Descriptor;

        public abstract Task<EchoReply> Echo(EchoRequest request, ServerCallContext context);

        public abstract Task Count(CountRequest request, IServerStreamWriter<CountReply> responseStream, ServerCallContext context);

        public abstract Task<StatsReply> Stats(StatsRequest request, ServerCallContext context);
    }

    public sealed class TestServiceClient(CallInvoker callInvoker) : ClientBase(callInvoker), IGrpcClient
    {
        private static readonly Method<EchoRequest, EchoReply> EchoMethod = Method<EchoRequest, EchoReply>.Create(Descriptor, "Echo");
        private static readonly Method<CountRequest, CountReply> CountMethod = Method<CountRequest, CountReply>.Create(Descriptor, "Count");
        private static readonly Method<StatsRequest, StatsReply> StatsMethod = Method<StatsRequest, StatsReply>.Create(Descriptor, "Stats");

        static ServiceDescriptor IGrpcClient.Descriptor => Descriptor;

        public AsyncUnaryCall<EchoReply> EchoAsync(EchoRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(EchoMethod, options, request);

        public AsyncServerStreamingCall<CountReply> CountAsync(CountRequest request, CallOptions options = default) =>
            CallInvoker.AsyncServerStreamingCall(CountMethod, options, request);

        public AsyncUnaryCall<StatsReply> StatsAsync(StatsRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(StatsMethod, options, request);
    }
}
