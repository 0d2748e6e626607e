using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.TestService;

namespace SaaSMdm.Rpc.Tests;

public sealed class StatusTests(DefaultServerFixture fixture) : IClassFixture<DefaultServerFixture>
{
    private TestServiceDefinition.TestServiceClient Client => fixture.Client;

    [Theory]
    [InlineData(StatusCode.NotFound)]
    [InlineData(StatusCode.InvalidArgument)]
    [InlineData(StatusCode.PermissionDenied)]
    [InlineData(StatusCode.Unauthenticated)]
    [InlineData(StatusCode.AlreadyExists)]
    [InlineData(StatusCode.FailedPrecondition)]
    public async Task Handler_status_reaches_the_caller_with_its_message_and_trailers(StatusCode code)
    {
        var call = Client.EchoAsync(new EchoRequest { FailCode = (int)code, FailMessage = $"because {code}" });
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(code, error.StatusCode);
        Assert.Equal($"because {code}", error.Status.Detail);
        Assert.Equal("failed", error.Trailers.GetValue("x-fail-trailer"));
    }

    [Fact]
    public async Task Status_message_survives_percent_encoding_of_unicode_and_percent_signs()
    {
        const string message = "no such device: ünïcode ✓ 100% sure\nsecond line";
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.EchoAsync(new EchoRequest { FailCode = 5, FailMessage = message }).ResponseAsync);

        Assert.Equal(message, error.Status.Detail);
    }

    [Fact]
    public async Task Unexpected_exception_becomes_INTERNAL_without_leaking_its_details_and_is_logged()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.EchoAsync(new EchoRequest { ThrowUnexpected = true }).ResponseAsync);

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.Equal("Exception was thrown by handler.", error.Status.Detail);
        Assert.DoesNotContain("secret", error.Status.Detail);
        Assert.Contains(fixture.Server.Logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal) && line.Contains("secret internal detail"));
    }

    [Fact]
    public async Task Detailed_errors_add_the_exception_message_when_enabled()
    {
        await using var server = await TestGrpcServer.StartAsync(o => o.EnableDetailedErrors = true);
        using var channel = server.CreateChannel();
        var error = await Assert.ThrowsAsync<RpcException>(() => server.CreateClient(channel).EchoAsync(new EchoRequest { ThrowUnexpected = true }).ResponseAsync);

        Assert.Equal("Exception was thrown by handler. InvalidOperationException: secret internal detail", error.Status.Detail);
    }

    [Fact]
    public async Task Unreachable_server_is_UNAVAILABLE()
    {
        using var channel = GrpcChannel.ForAddress("http://127.0.0.1:1");
        var client = new TestServiceDefinition.TestServiceClient(channel.CreateCallInvoker());
        var error = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }
}
