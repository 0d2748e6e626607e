using Google.Protobuf;
using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.TestService;

namespace SaaSMdm.Rpc.Tests.Interop;

/// <summary>Our client calls an independent server (grpc-js from npm).</summary>
public sealed class GrpcJsServerTests : IAsyncLifetime
{
    private NodePeer.NodeServer _server = null!;
    private GrpcChannel _channel = null!;
    private TestServiceDefinition.TestServiceClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await NodePeer.StartServerAsync();
        _channel = GrpcChannel.ForAddress(_server.Address);
        _client = new TestServiceDefinition.TestServiceClient(_channel.CreateCallInvoker());
    }

    public Task DisposeAsync()
    {
        _channel.Dispose();
        _server.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Unary()
    {
        var reply = await _client.EchoAsync(new EchoRequest { Message = "to node", Payload = ByteString.CopyFrom(9, 8, 7) });

        Assert.Equal("to node", reply.Message);
        Assert.Equal([9, 8, 7], reply.Payload.ToByteArray());
    }

    [Fact]
    public async Task Server_streaming()
    {
        using var call = _client.CountAsync(new CountRequest { Count = 20 });
        var numbers = await call.ResponseStream.ReadAllAsync().Select(r => r.Number).ToListAsync();

        Assert.Equal(Enumerable.Range(1, 20), numbers);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Server_streaming_error_after_messages()
    {
        using var call = _client.CountAsync(new CountRequest { Count = 5, FailAfter = 2 });
        var numbers = new List<int>();
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var reply in call.ResponseStream.ReadAllAsync())
            {
                numbers.Add(reply.Number);
            }
        });

        Assert.Equal([1, 2], numbers);
        Assert.Equal(StatusCode.Aborted, error.StatusCode);
    }

    [Fact]
    public async Task Error_status_with_message_and_trailers()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _client.EchoAsync(
            new EchoRequest { FailCode = (int)StatusCode.PermissionDenied, FailMessage = "not yours ✓ 100%" }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("not yours ✓ 100%", error.Status.Detail);
        Assert.Equal("failed", error.Trailers.GetValue("x-fail-trailer"));
    }

    [Fact]
    public async Task Metadata_both_ways()
    {
        var headers = new Metadata().Add("x-test-header", "from-dotnet").Add("x-test-bin", new byte[] { 0, 1, 2, 255 });
        using var call = _client.EchoAsync(new EchoRequest { Message = "m" }, new CallOptions(Headers: headers));

        var reply = await call;

        Assert.Equal("from-dotnet", reply.RequestMetadata["x-test-header"]);
        Assert.Equal("from-dotnet", (await call.ResponseHeadersAsync).GetValue("x-reply-header"));
        Assert.Equal("from-dotnet", call.GetTrailers().GetValue("x-reply-trailer"));
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, call.GetTrailers().GetValueBytes("x-reply-bin"));
    }

    [Fact]
    public async Task Deadline_exceeded()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _client.EchoAsync(
            new EchoRequest { DelayMs = 10_000 }, new CallOptions().WithTimeout(TimeSpan.FromMilliseconds(300))).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task Oversized_request_is_rejected_by_the_node_server()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _client.EchoAsync(
            new EchoRequest { Payload = ByteString.CopyFrom(new byte[5 * 1024 * 1024]) }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Oversized_response_is_rejected_by_our_client()
    {
        using var channel = GrpcChannel.ForAddress(_server.Address, new GrpcChannelOptions { MaxReceiveMessageSize = 1024 });
        var client = new TestServiceDefinition.TestServiceClient(channel.CreateCallInvoker());

        var error = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest { ReplyPayloadSize = 64 * 1024 }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Gzip_compressed_requests_are_understood_by_the_node_server()
    {
        using var channel = GrpcChannel.ForAddress(_server.Address, new GrpcChannelOptions { CompressRequests = true });
        var client = new TestServiceDefinition.TestServiceClient(channel.CreateCallInvoker());

        var reply = await client.EchoAsync(new EchoRequest { Message = "zipped", Payload = ByteString.CopyFrom(new byte[50_000]) });

        Assert.Equal(50_000, reply.Payload.Length);
    }
}
