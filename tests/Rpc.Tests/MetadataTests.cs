using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.Interceptors;
using SaaSMdm.Rpc.TestService;

namespace SaaSMdm.Rpc.Tests;

public sealed class MetadataTests(DefaultServerFixture fixture) : IClassFixture<DefaultServerFixture>
{
    [Fact]
    public async Task Metadata_travels_both_ways_as_text_and_binary()
    {
        var headers = new Metadata()
            .Add("x-test-header", "from-dotnet")
            .Add("x-tenant", "acme")
            .Add("x-test-bin", new byte[] { 0, 1, 2, 255 });
        using var call = fixture.Client.EchoAsync(new EchoRequest { Message = "m" }, new CallOptions(Headers: headers));

        var reply = await call;
        var responseHeaders = await call.ResponseHeadersAsync;
        var trailers = call.GetTrailers();

        Assert.Equal("from-dotnet", reply.RequestMetadata["x-test-header"]);
        Assert.Equal("acme", reply.RequestMetadata["x-tenant"]);
        Assert.Equal("from-dotnet", responseHeaders.GetValue("x-reply-header"));
        Assert.Equal("from-dotnet", trailers.GetValue("x-reply-trailer"));
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, trailers.GetValueBytes("x-reply-bin"));
    }

    [Fact]
    public async Task Protocol_headers_are_not_handed_to_handlers_as_metadata()
    {
        var reply = await fixture.Client.EchoAsync(new EchoRequest(), new CallOptions(Deadline: DateTime.UtcNow.AddMinutes(1)));

        Assert.DoesNotContain(reply.RequestMetadata.Keys, key => key.StartsWith("grpc-", StringComparison.Ordinal) || key == "content-type");
    }

    [Fact]
    public void Keys_are_checked_and_lower_cased()
    {
        Assert.Equal("x-upper", new Metadata.Entry("X-Upper", "v").Key);
        Assert.Throws<ArgumentException>(() => new Metadata.Entry("bad key", "v"));
        Assert.Throws<ArgumentException>(() => new Metadata.Entry("x-text", "line\nbreak"));
        Assert.Throws<ArgumentException>(() => new Metadata.Entry("x-data-bin", "text"));
        Assert.Throws<ArgumentException>(() => new Metadata.Entry("x-text", new byte[] { 1 }));
    }

    [Fact]
    public async Task Interceptor_adds_headers_to_every_call()
    {
        var invoker = fixture.Channel.CreateCallInvoker().Intercept(metadata => metadata.Add("x-test-header", "intercepted"));
        var client = new TestServiceDefinition.TestServiceClient(invoker);

        var reply = await client.EchoAsync(new EchoRequest());

        Assert.Equal("intercepted", reply.RequestMetadata["x-test-header"]);
    }
}
