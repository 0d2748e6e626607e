namespace SaaSMdm.Rpc.Tests.Interop;

/// <summary>An independent client (grpc-js from npm) calls our server.</summary>
public sealed class GrpcJsClientTests(DefaultServerFixture fixture) : IClassFixture<DefaultServerFixture>
{
    private Uri Server => fixture.Server.H2cAddress;

    [Fact]
    public async Task Unary()
    {
        var result = await NodePeer.RunClientAsync(Server, "unary");

        Assert.Equal(0, result.GetProperty("code").GetInt32());
        Assert.Equal("hello from node", result.GetProperty("message").GetString());
        Assert.Equal("010203", result.GetProperty("payload").GetString());
    }

    [Fact]
    public async Task Server_streaming()
    {
        var result = await NodePeer.RunClientAsync(Server, "stream");

        Assert.Equal(0, result.GetProperty("code").GetInt32());
        Assert.Equal([1, 2, 3, 4, 5], result.GetProperty("numbers").EnumerateArray().Select(n => n.GetInt32()));
    }

    [Fact]
    public async Task Server_streaming_error_after_messages()
    {
        var result = await NodePeer.RunClientAsync(Server, "streamError");

        Assert.Equal(10, result.GetProperty("code").GetInt32());
        Assert.Equal("stopped after 2", result.GetProperty("details").GetString());
        Assert.Equal([1, 2], result.GetProperty("numbers").EnumerateArray().Select(n => n.GetInt32()));
    }

    [Fact]
    public async Task Error_status_with_message_and_trailers()
    {
        var result = await NodePeer.RunClientAsync(Server, "error");

        Assert.Equal(5, result.GetProperty("code").GetInt32());
        Assert.Equal("no such device: ünïcode 100%", result.GetProperty("details").GetString());
        Assert.Equal("failed", result.GetProperty("trailers").GetProperty("x-fail-trailer").GetString());
    }

    [Fact]
    public async Task Unexpected_exception_is_INTERNAL_without_details()
    {
        var result = await NodePeer.RunClientAsync(Server, "unexpected");

        Assert.Equal(13, result.GetProperty("code").GetInt32());
        Assert.DoesNotContain("secret", result.GetProperty("details").GetString());
    }

    [Fact]
    public async Task Metadata_both_ways()
    {
        var result = await NodePeer.RunClientAsync(Server, "metadata");

        Assert.Equal(0, result.GetProperty("code").GetInt32());
        Assert.Equal("from-node", result.GetProperty("requestMetadata").GetProperty("x-test-header").GetString());
        Assert.Equal("from-node", result.GetProperty("replyHeader").GetString());
        Assert.Equal("from-node", result.GetProperty("replyTrailer").GetString());
        Assert.Equal("000102ff", result.GetProperty("replyBin").GetString());
    }

    [Fact]
    public async Task Deadline_exceeded()
    {
        var result = await NodePeer.RunClientAsync(Server, "deadline");

        Assert.Equal(4, result.GetProperty("code").GetInt32());
        Assert.InRange(result.GetProperty("elapsedMs").GetInt32(), 250, 5000);
        await Eventually.TrueAsync(() => fixture.Server.State.CancelledEchoes.Contains("deadline-node"));
    }

    [Fact]
    public async Task Oversized_message_is_rejected()
    {
        var result = await NodePeer.RunClientAsync(Server, "oversized");

        Assert.Equal(8, result.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Gzip_compressed_requests_are_accepted()
    {
        var result = await NodePeer.RunClientAsync(Server, "gzip");

        Assert.Equal(0, result.GetProperty("code").GetInt32());
        Assert.Equal("compressed", result.GetProperty("message").GetString());
        Assert.Equal(100 * 1024, result.GetProperty("payloadLength").GetInt32());
    }

    [Fact]
    public async Task Unknown_method_is_UNIMPLEMENTED()
    {
        var result = await NodePeer.RunClientAsync(Server, "unimplemented");

        Assert.Equal(12, result.GetProperty("code").GetInt32());
    }
}
