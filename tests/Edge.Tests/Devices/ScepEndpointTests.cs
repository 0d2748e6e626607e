using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using SaaSMdm.Contracts.Internal.V1;
using static SaaSMdm.Edge.Tests.Devices.EdgeOverStubCore;

namespace SaaSMdm.Edge.Tests.Devices;

/// <summary>SCEP over HTTP (RFC 8894) is decoded at Edge and answered by Core.</summary>
public sealed class ScepEndpointTests : DeviceEndpointTests
{
    private const string Scep = $"/t/{TenantA}/scep";

    /// <summary>Bytes whose base64 has '+' and '/' in it.</summary>
    private static readonly byte[] PkiMessage = [0xFB, 0xEF, 0xFF, 0x00, 0x3E, 0x3F, 0x01];

    public ScepEndpointTests(EdgeOverStubCore fixture)
        : base(fixture)
    {
        Core.ScepAnswer = new ScepResponse { ContentType = "application/x-pki-message", Body = ByteString.CopyFrom(0x30, 0x03, 0x02, 0x01, 0x07) };
    }

    [Theory]
    [InlineData("GetCACaps", "text/plain", "POSTPKIOperation\nSHA-256\n")]
    [InlineData("GetCACert", "application/x-x509-ca-cert", "DER")]
    public async Task Capabilities_and_the_CA_certificate_come_from_Core_with_its_content_type(string operation, string contentType, string body)
    {
        Core.ScepAnswer = new ScepResponse { ContentType = contentType, Body = ByteString.CopyFromUtf8(body) };

        var response = await Anonymous.GetAsync($"{Scep}?operation={operation}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
        var asked = Core.Single<ScepRequest>();
        Assert.Equal((TenantAId, operation), (asked.TenantId, asked.Operation));
        Assert.True(asked.Message.IsEmpty);
    }

    [Theory]
    [InlineData("++//AD4/AQ==")]
    [InlineData("%2B%2B%2F%2FAD4%2FAQ%3D%3D")]
    [InlineData("--__AD4_AQ")]
    public async Task A_GET_PKIOperation_decodes_the_message_parameter_also_when_plus_became_space(string message)
    {
        var response = await Anonymous.GetAsync($"{Scep}?operation=PKIOperation&message={message}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-pki-message", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(PkiMessage, Core.Single<ScepRequest>().Message.ToByteArray());
    }

    [Fact]
    public async Task A_POST_PKIOperation_carries_the_DER_body()
    {
        var content = new ByteArrayContent(PkiMessage);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-pki-message");

        var response = await Anonymous.PostAsync($"{Scep}?operation=PKIOperation", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([0x30, 0x03, 0x02, 0x01, 0x07], await response.Content.ReadAsByteArrayAsync());
        var asked = Core.Single<ScepRequest>();
        Assert.Equal((TenantAId, "PKIOperation"), (asked.TenantId, asked.Operation));
        Assert.Equal(PkiMessage, asked.Message.ToByteArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("?operation=GetCRL")]
    [InlineData("?operation=getcacaps")]
    [InlineData("?operation=GetCACaps&operation=GetCACert")]
    [InlineData("?operation=PKIOperation")]
    [InlineData("?operation=PKIOperation&message=***")]
    [InlineData("?operation=PKIOperation&message=AQ%3D%3D&message=AQ%3D%3D")]
    public async Task Unusable_operations_and_messages_are_400_without_asking_Core(string query)
    {
        var response = await Anonymous.GetAsync(Scep + query);

        await DeviceRequests.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Empty(Core.DeviceCalls);
    }

    [Fact]
    public async Task An_empty_POST_PKIOperation_is_400_without_asking_Core()
    {
        var response = await Anonymous.PostAsync($"{Scep}?operation=PKIOperation", new ByteArrayContent([]));

        await DeviceRequests.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Empty(Core.DeviceCalls);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_POST_message_over_64_KiB_is_413_without_asking_Core(bool declaresLength)
    {
        var body = new byte[(64 * 1024) + 1];
        HttpContent content = declaresLength ? new ByteArrayContent(body) : new UnknownLengthContent(body);

        var response = await Anonymous.PostAsync($"{Scep}?operation=PKIOperation", content);

        await DeviceRequests.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(Core.DeviceCalls);
    }
}
