using Google.Protobuf.Reflection;
using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.Server;
using SaaSMdm.Rpc.TestService;

namespace SaaSMdm.Rpc.Tests;

/// <summary>Code that drifts from its proto is caught by the binder, not by a caller.</summary>
public sealed class BindingTests
{
    private static ServiceDescriptor Service => TestServiceDefinition.Descriptor;

    [Fact]
    public void Matching_service_binds_every_rpc()
    {
        var bound = GrpcServiceBinder.Bind<TestServiceImpl>();

        Assert.Equal(["Echo", "Count", "Stats"], bound.Select(b => b.Descriptor.Name));
        Assert.Equal([MethodType.Unary, MethodType.ServerStreaming, MethodType.Unary], bound.Select(b => b.Type));
    }

    [Fact]
    public void Missing_method_is_reported()
    {
        var problems = GrpcServiceBinder.Validate(typeof(MissingCount), Service);

        Assert.Contains(problems, p => p.Contains("RPC Count has no method"));
    }

    [Fact]
    public void Wrong_signature_is_reported()
    {
        var problems = GrpcServiceBinder.Validate(typeof(WrongEchoSignature), Service);

        Assert.Contains(problems, p => p.Contains("Echo must be Task<EchoReply> Echo(EchoRequest, ServerCallContext)"));
    }

    [Fact]
    public void Method_without_an_rpc_is_reported()
    {
        var problems = GrpcServiceBinder.Validate(typeof(ExtraMethod), Service);

        Assert.Contains(problems, p => p.Contains("Reset looks like a handler"));
    }

    [Fact]
    public void Bind_throws_with_every_problem_listed()
    {
        var error = Assert.Throws<GrpcBindingException>(() => GrpcServiceBinder.Bind(typeof(MissingCount), Service));

        Assert.Contains("Count", error.Message);
        Assert.Contains("Stats", error.Message);
    }

    [Fact]
    public void Method_handle_with_wrong_message_types_fails_when_created()
    {
        var error = Assert.Throws<GrpcBindingException>(() => Method<CountRequest, EchoReply>.Create(Service, "Echo"));

        Assert.Contains("takes saasmdm.testing.v1.EchoRequest", error.Message);
        Assert.Throws<GrpcBindingException>(() => Method<EchoRequest, EchoReply>.Create(Service, "NoSuchMethod"));
    }

    [Fact]
    public void Typed_client_matches_its_service()
    {
        Assert.Empty(ClientBinding.Validate<TestServiceDefinition.TestServiceClient>());
    }

    [Fact]
    public void Client_missing_an_rpc_is_reported()
    {
        var problems = ClientBinding.Validate(typeof(PartialClient), Service);

        Assert.Contains(problems, p => p.Contains("CountAsync"));
        Assert.Contains(problems, p => p.Contains("StatsAsync"));
    }

    private sealed class MissingCount
    {
        public Task<EchoReply> Echo(EchoRequest request, ServerCallContext context) => Task.FromResult(new EchoReply());
    }

    private sealed class WrongEchoSignature
    {
        public EchoReply Echo(EchoRequest request, ServerCallContext context) => new();

        public Task Count(CountRequest request, IServerStreamWriter<CountReply> responseStream, ServerCallContext context) => Task.CompletedTask;

        public Task<StatsReply> Stats(StatsRequest request, ServerCallContext context) => Task.FromResult(new StatsReply());
    }

    private sealed class ExtraMethod
    {
        public Task<EchoReply> Echo(EchoRequest request, ServerCallContext context) => Task.FromResult(new EchoReply());

        public Task Count(CountRequest request, IServerStreamWriter<CountReply> responseStream, ServerCallContext context) => Task.CompletedTask;

        public Task<StatsReply> Stats(StatsRequest request, ServerCallContext context) => Task.FromResult(new StatsReply());

        public Task<EchoReply> Reset(EchoRequest request, ServerCallContext context) => Task.FromResult(new EchoReply());
    }

    private sealed class PartialClient(CallInvoker invoker) : ClientBase(invoker)
    {
        private static readonly Method<EchoRequest, EchoReply> EchoMethod = Method<EchoRequest, EchoReply>.Create(Service, "Echo");

        public AsyncUnaryCall<EchoReply> EchoAsync(EchoRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(EchoMethod, options, request);
    }
}
