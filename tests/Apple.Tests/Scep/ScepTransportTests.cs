using SaaSMdm.Apple.Scep;

namespace SaaSMdm.Apple.Tests.Scep;

public sealed class ScepTransportTests
{
    private static readonly byte[] Message = [0xFB, 0xEF, 0xFF, 0x00, 0x3E, 0x3F, 0x01];

    [Theory]
    [InlineData("++//AD4/AQ==")]
    [InlineData("--__AD4_AQ==")]
    [InlineData("--__AD4_AQ")]
    [InlineData("++//AD4/AQ==\r\n")]
    [InlineData("  //AD4/AQ==")]
    public void A_query_message_decodes_from_every_base64_spelling_clients_use(string parameter) =>
        Assert.Equal(Message, ScepTransport.DecodeQueryMessage(parameter));

    [Theory]
    [InlineData("")]
    [InlineData("***")]
    [InlineData("A")]
    public void A_query_message_that_is_not_base64_raises_ScepException(string parameter) =>
        Assert.Throws<ScepException>(() => ScepTransport.DecodeQueryMessage(parameter));
}
