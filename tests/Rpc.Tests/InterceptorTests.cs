using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.Interceptors;
using SaaSMdm.Rpc.Server;
using SaaSMdm.Rpc.TestService;

namespace SaaSMdm.Rpc.Tests;

public sealed class InterceptorTests
{
    [Fact]
    public async Task Server_interceptors_run_outermost_first_around_unary_and_streaming_calls()
    {
        var journal = new Journal();
        await using var server = await TestGrpcServer.StartAsync(
            o =>
            {
                o.Interceptors.Add<OuterInterceptor>();
                o.Interceptors.Add<InnerInterceptor>();
            },
            services: s => s.AddSingleton(journal));
        using var channel = server.CreateChannel();
        var client = server.CreateClient(channel);

        await client.EchoAsync(new EchoRequest());
        using var stream = client.CountAsync(new CountRequest { Count = 2 });
        while (await stream.ResponseStream.MoveNext(CancellationToken.None))
        {
        }

        Assert.Equal(
            ["outer:/saasmdm.testing.v1.TestService/Echo", "inner:/saasmdm.testing.v1.TestService/Echo",
             "outer:/saasmdm.testing.v1.TestService/Count", "inner:/saasmdm.testing.v1.TestService/Count"],
            journal.Entries);
    }

    [Fact]
    public async Task Server_interceptor_can_refuse_a_call_with_a_status()
    {
        await using var server = await TestGrpcServer.StartAsync(o => o.Interceptors.Add<DenyingInterceptor>());
        using var channel = server.CreateChannel();

        var error = await Assert.ThrowsAsync<RpcException>(() => server.CreateClient(channel).EchoAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("tenant mismatch", error.Status.Detail);
        Assert.Equal(0, server.State.Calls);
    }

    [Fact]
    public async Task Interceptor_hands_state_to_the_handler_through_UserState()
    {
        await using var server = await TestGrpcServer.StartAsync(o => o.Interceptors.Add<TenantContextInterceptor>());
        using var channel = server.CreateChannel();
        var client = server.CreateClient(channel);

        var reply = await client.EchoAsync(new EchoRequest(), new CallOptions(Headers: new Metadata().Add("x-tenant", "acme")));

        Assert.Equal("acme", reply.UserState["tenant"]);
    }

    [Fact]
    public async Task Client_interceptors_see_calls_in_the_order_given()
    {
        await using var server = await TestGrpcServer.StartAsync();
        using var channel = server.CreateChannel();
        var journal = new Journal();
        var invoker = channel.CreateCallInvoker().Intercept(new ClientJournalInterceptor("first", journal), new ClientJournalInterceptor("second", journal));

        await new TestServiceDefinition.TestServiceClient(invoker).EchoAsync(new EchoRequest());

        Assert.Equal(["first:Echo", "second:Echo"], journal.Entries);
    }

    public sealed class Journal
    {
        public List<string> Entries { get; } = [];
    }

    private sealed class OuterInterceptor(Journal journal) : JournalInterceptor("outer", journal);

    private sealed class InnerInterceptor(Journal journal) : JournalInterceptor("inner", journal);

    private abstract class JournalInterceptor(string name, Journal journal) : Interceptor
    {
        public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
            TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        {
            journal.Entries.Add($"{name}:{context.Method}");
            return continuation(request, context);
        }

        public override Task ServerStreamingServerHandler<TRequest, TResponse>(
            TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
            ServerStreamingServerMethod<TRequest, TResponse> continuation)
        {
            journal.Entries.Add($"{name}:{context.Method}");
            return continuation(request, responseStream, context);
        }
    }

    private sealed class DenyingInterceptor : Interceptor
    {
        public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
            TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
            throw new PermissionDeniedException("tenant mismatch");
    }

    private sealed class TenantContextInterceptor : Interceptor
    {
        public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
            TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        {
            context.UserState["tenant"] = context.RequestHeaders.GetValue("x-tenant") ?? throw new UnauthenticatedException("no tenant");
            return continuation(request, context);
        }
    }

    private sealed class ClientJournalInterceptor(string name, Journal journal) : Interceptor
    {
        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
            TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
        {
            journal.Entries.Add($"{name}:{context.Method.Name}");
            return continuation(request, context);
        }
    }
}
