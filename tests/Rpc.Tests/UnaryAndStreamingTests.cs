using Google.Protobuf;
using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.TestService;

namespace SaaSMdm.Rpc.Tests;

public sealed class UnaryAndStreamingTests(DefaultServerFixture fixture) : IClassFixture<DefaultServerFixture>
{
    private TestServiceDefinition.TestServiceClient Client => fixture.Client;

    [Fact]
    public async Task Unary_call_returns_the_response_and_OK()
    {
        using var call = Client.EchoAsync(new EchoRequest { Message = "hello", Payload = ByteString.CopyFrom(1, 2, 3) });
        var reply = await call;

        Assert.Equal("hello", reply.Message);
        Assert.Equal([1, 2, 3], reply.Payload.ToByteArray());
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Server_streaming_delivers_every_message_in_order()
    {
        using var call = Client.CountAsync(new CountRequest { Count = 50 });
        var numbers = new List<int>();
        await foreach (var reply in call.ResponseStream.ReadAllAsync())
        {
            numbers.Add(reply.Number);
        }

        Assert.Equal(Enumerable.Range(1, 50), numbers);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Server_streaming_error_after_some_messages_keeps_them_and_reports_the_status()
    {
        using var call = Client.CountAsync(new CountRequest { Count = 10, FailAfter = 3 });
        var numbers = new List<int>();
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var reply in call.ResponseStream.ReadAllAsync())
            {
                numbers.Add(reply.Number);
            }
        });

        Assert.Equal([1, 2, 3], numbers);
        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal("stopped after 3", error.Status.Detail);
    }

    [Fact]
    public async Task Empty_stream_ends_with_OK()
    {
        using var call = Client.CountAsync(new CountRequest { Count = 0 });
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Many_concurrent_calls_share_one_channel()
    {
        var calls = Enumerable.Range(0, 300)
            .Select(async i => (await Client.EchoAsync(new EchoRequest { Message = "m" + i })).Message);
        var replies = await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(0, 300).Select(i => "m" + i), replies);
    }

    [Fact]
    public async Task Status_is_not_available_before_the_call_completes()
    {
        using var call = Client.EchoAsync(new EchoRequest { DelayMs = 300 });
        Assert.Throws<InvalidOperationException>(() => call.GetStatus());
        await call;
    }
}
