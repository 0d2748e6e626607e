using System.IO.Compression;
using System.Net;
using Google.Protobuf;
using SaaSMdm.Rpc.TestService;

namespace SaaSMdm.Rpc.Tests;

/// <summary>The server against requests no well-behaved client sends: each gets a clear status.</summary>
public sealed class ProtocolTests(DefaultServerFixture fixture) : IClassFixture<DefaultServerFixture>
{
    private const string EchoPath = "/saasmdm.testing.v1.TestService/Echo";

    private Uri Server => fixture.Server.H2cAddress;

    private static byte[] EchoMessage(string text) => new EchoRequest { Message = text }.ToByteArray();

    [Fact]
    public async Task Unknown_method_is_UNIMPLEMENTED()
    {
        var response = await RawGrpcRequest.SendAsync(Server, "/saasmdm.testing.v1.TestService/NoSuchMethod", RawGrpcRequest.Frame([]));

        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.Equal("12", response.GrpcStatus);
        Assert.Equal("Method is unimplemented.", response.GrpcMessage);
    }

    [Fact]
    public async Task Unknown_service_is_UNIMPLEMENTED()
    {
        var response = await RawGrpcRequest.SendAsync(Server, "/saasmdm.testing.v1.NoSuchService/Echo", RawGrpcRequest.Frame([]));

        Assert.Equal("12", response.GrpcStatus);
        Assert.Equal("Service is unimplemented.", response.GrpcMessage);
    }

    [Fact]
    public async Task Well_formed_raw_request_succeeds_with_status_in_trailers()
    {
        var response = await RawGrpcRequest.SendAsync(Server, EchoPath, RawGrpcRequest.Frame(EchoMessage("raw")));

        Assert.Equal("0", response.GrpcStatus);
        Assert.True(response.Message.TrailingHeaders.Contains("grpc-status"));
        Assert.Equal("raw", EchoReply.Parser.ParseFrom(response.Body.AsSpan(5)).Message);
    }

    [Fact]
    public async Task Wrong_content_type_is_refused_with_415()
    {
        var response = await RawGrpcRequest.SendAsync(Server, EchoPath, RawGrpcRequest.Frame(EchoMessage("x")), contentType: "application/json");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.HttpStatus);
        Assert.Equal("13", response.GrpcStatus);
    }

    [Fact]
    public async Task Http11_is_refused_with_426()
    {
        await using var server = await TestGrpcServer.StartAsync(tls: true);
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, cert, _, _) => cert?.GetCertHashString() == server.Certificate!.GetCertHashString();
        using var client = new HttpClient(handler);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.TlsAddress!, EchoPath))
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(RawGrpcRequest.Frame(EchoMessage("x"))),
        };
        request.Content.Headers.ContentType = new("application/grpc");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UpgradeRequired, response.StatusCode);
        Assert.Equal("13", response.Headers.GetValues("grpc-status").Single());
    }

    [Fact]
    public async Task Missing_message_is_INTERNAL()
    {
        var response = await RawGrpcRequest.SendAsync(Server, EchoPath, []);

        Assert.Equal("13", response.GrpcStatus);
        Assert.Equal("Request did not include a message.", response.GrpcMessage);
    }

    [Fact]
    public async Task Truncated_message_is_INTERNAL()
    {
        var frame = RawGrpcRequest.Frame(EchoMessage("truncated"));
        var response = await RawGrpcRequest.SendAsync(Server, EchoPath, frame[..^3]);

        Assert.Equal("13", response.GrpcStatus);
        Assert.Equal("Incomplete request message.", response.GrpcMessage);
    }

    [Fact]
    public async Task Second_message_on_a_unary_call_is_INTERNAL()
    {
        var frame = RawGrpcRequest.Frame(EchoMessage("twice"));
        var response = await RawGrpcRequest.SendAsync(Server, EchoPath, [.. frame, .. frame]);

        Assert.Equal("13", response.GrpcStatus);
        Assert.Contains("Additional data", response.GrpcMessage);
    }

    [Fact]
    public async Task Malformed_protobuf_is_INTERNAL()
    {
        var response = await RawGrpcRequest.SendAsync(Server, EchoPath, RawGrpcRequest.Frame([0x0A, 0xFF, 0xFF, 0xFF]));

        Assert.Equal("13", response.GrpcStatus);
        Assert.Equal("Failed to deserialize request message.", response.GrpcMessage);
    }

    [Fact]
    public async Task Bad_compressed_flag_is_INTERNAL()
    {
        var response = await RawGrpcRequest.SendAsync(Server, EchoPath, RawGrpcRequest.Frame(EchoMessage("x"), flag: 7));

        Assert.Equal("13", response.GrpcStatus);
        Assert.Contains("compressed flag", response.GrpcMessage);
    }

    [Fact]
    public async Task Compressed_message_without_grpc_encoding_is_INTERNAL()
    {
        var response = await RawGrpcRequest.SendAsync(Server, EchoPath, RawGrpcRequest.Frame(Gzip(EchoMessage("x")), flag: 1));

        Assert.Equal("13", response.GrpcStatus);
    }

    [Fact]
    public async Task Gzip_message_with_grpc_encoding_is_accepted()
    {
        var response = await RawGrpcRequest.SendAsync(Server, EchoPath, RawGrpcRequest.Frame(Gzip(EchoMessage("zipped")), flag: 1),
            headers: new Dictionary<string, string> { ["grpc-encoding"] = "gzip" });

        Assert.Equal("0", response.GrpcStatus);
        Assert.Equal("zipped", EchoReply.Parser.ParseFrom(response.Body.AsSpan(5)).Message);
    }

    [Fact]
    public async Task Corrupt_gzip_is_INTERNAL()
    {
        var response = await RawGrpcRequest.SendAsync(Server, EchoPath, RawGrpcRequest.Frame([0x1f, 0x8b, 1, 2, 3, 4], flag: 1),
            headers: new Dictionary<string, string> { ["grpc-encoding"] = "gzip" });

        Assert.Equal("13", response.GrpcStatus);
    }

    [Fact]
    public async Task Unsupported_encoding_is_UNIMPLEMENTED_and_lists_what_is_supported()
    {
        var response = await RawGrpcRequest.SendAsync(Server, EchoPath, RawGrpcRequest.Frame(EchoMessage("x"), flag: 1),
            headers: new Dictionary<string, string> { ["grpc-encoding"] = "snappy" });

        Assert.Equal("12", response.GrpcStatus);
        Assert.Equal("identity,gzip", response.Message.Headers.GetValues("grpc-accept-encoding").Single());
    }

    [Fact]
    public async Task Gzip_bomb_is_RESOURCE_EXHAUSTED()
    {
        var bomb = Gzip(new EchoRequest { Payload = ByteString.CopyFrom(new byte[8 * 1024 * 1024]) }.ToByteArray());
        Assert.True(bomb.Length < 64 * 1024);

        var response = await RawGrpcRequest.SendAsync(Server, EchoPath, RawGrpcRequest.Frame(bomb, flag: 1),
            headers: new Dictionary<string, string> { ["grpc-encoding"] = "gzip" });

        Assert.Equal("8", response.GrpcStatus);
    }

    [Fact]
    public async Task Non_grpc_post_to_an_unknown_path_is_a_plain_404()
    {
        var response = await RawGrpcRequest.SendAsync(Server, "/some/path", [1, 2, 3], contentType: "text/plain");

        Assert.Equal(HttpStatusCode.NotFound, response.HttpStatus);
        Assert.Null(response.GrpcStatus);
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
