using Google.Protobuf;
using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.TestService;

namespace SaaSMdm.Rpc.Tests;

public sealed class MessageSizeAndCompressionTests(DefaultServerFixture fixture) : IClassFixture<DefaultServerFixture>
{
    [Fact]
    public async Task Request_over_the_servers_4_MiB_default_is_RESOURCE_EXHAUSTED()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.EchoAsync(
            new EchoRequest { Payload = ByteString.CopyFrom(new byte[4 * 1024 * 1024 + 1]) }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("maximum configured message size", error.Status.Detail);
    }

    [Fact]
    public async Task Request_just_under_the_limit_is_served()
    {
        var reply = await fixture.Client.EchoAsync(new EchoRequest { Payload = ByteString.CopyFrom(new byte[4 * 1024 * 1024 - 16]) });

        Assert.Equal(4 * 1024 * 1024 - 16, reply.Payload.Length);
    }

    [Fact]
    public async Task Server_limit_is_configurable()
    {
        await using var server = await TestGrpcServer.StartAsync(o => o.MaxReceiveMessageSize = 1024);
        using var channel = server.CreateChannel();
        var client = server.CreateClient(channel);

        await client.EchoAsync(new EchoRequest { Payload = ByteString.CopyFrom(new byte[900]) });
        var error = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest { Payload = ByteString.CopyFrom(new byte[2000]) }).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Response_over_the_clients_limit_is_RESOURCE_EXHAUSTED()
    {
        using var channel = fixture.Server.CreateChannel(new GrpcChannelOptions { MaxReceiveMessageSize = 1024 });
        var client = fixture.Server.CreateClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest { ReplyPayloadSize = 4096 }).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Response_over_the_servers_send_limit_is_RESOURCE_EXHAUSTED()
    {
        await using var server = await TestGrpcServer.StartAsync(o => o.MaxSendMessageSize = 1024);
        using var channel = server.CreateChannel();

        var error = await Assert.ThrowsAsync<RpcException>(() => server.CreateClient(channel).EchoAsync(new EchoRequest { ReplyPayloadSize = 4096 }).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Request_over_the_clients_send_limit_is_refused_before_sending()
    {
        using var channel = fixture.Server.CreateChannel(new GrpcChannelOptions { MaxSendMessageSize = 100 });
        var calls = fixture.Server.State.Calls;

        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Server.CreateClient(channel)
            .EchoAsync(new EchoRequest { Payload = ByteString.CopyFrom(new byte[200]) }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal(calls, fixture.Server.State.Calls);
    }

    [Fact]
    public async Task Gzip_both_ways_round_trips()
    {
        await using var server = await TestGrpcServer.StartAsync(o => o.CompressResponses = true);
        using var channel = server.CreateChannel(new GrpcChannelOptions { CompressRequests = true });
        using var call = server.CreateClient(channel).EchoAsync(new EchoRequest { Message = "zip", Payload = ByteString.CopyFrom(new byte[100_000]) });

        var reply = await call;

        Assert.Equal(100_000, reply.Payload.Length);
        Assert.Equal("zip", reply.Message);
    }

    [Fact]
    public async Task Server_compresses_responses_only_for_callers_that_accept_gzip()
    {
        await using var server = await TestGrpcServer.StartAsync(o => o.CompressResponses = true);
        var request = RawGrpcRequest.Frame(new EchoRequest { ReplyPayloadSize = 10_000 }.ToByteArray());
        const string path = "/saasmdm.testing.v1.TestService/Echo";

        var accepting = await RawGrpcRequest.SendAsync(server.H2cAddress, path, request,
            headers: new Dictionary<string, string> { ["grpc-accept-encoding"] = "identity,gzip" });
        var plain = await RawGrpcRequest.SendAsync(server.H2cAddress, path, request);

        Assert.Equal(1, accepting.Body[0]);
        Assert.True(accepting.Body.Length < 1000);
        Assert.Equal(0, plain.Body[0]);
        Assert.Equal(10_000 + 5 + 3, plain.Body.Length);
    }
}
