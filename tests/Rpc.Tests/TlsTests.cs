using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.TestService;

namespace SaaSMdm.Rpc.Tests;

public sealed class TlsTests
{
    [Fact]
    public async Task Calls_work_over_HTTP2_with_TLS_when_the_server_certificate_is_trusted()
    {
        await using var server = await TestGrpcServer.StartAsync(tls: true);
        var thumbprint = server.Certificate!.GetCertHashString();
        using var channel = GrpcChannel.ForAddress(server.TlsAddress!, new GrpcChannelOptions
        {
            ServerCertificateValidation = (_, certificate, _, _) => certificate?.GetCertHashString() == thumbprint,
        });

        var reply = await server.CreateClient(channel).EchoAsync(new EchoRequest { Message = "over tls" });

        Assert.Equal("over tls", reply.Message);
    }

    [Fact]
    public async Task Untrusted_server_certificate_is_UNAVAILABLE()
    {
        await using var server = await TestGrpcServer.StartAsync(tls: true);
        using var channel = GrpcChannel.ForAddress(server.TlsAddress!);

        var error = await Assert.ThrowsAsync<RpcException>(() => server.CreateClient(channel).EchoAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }
}
