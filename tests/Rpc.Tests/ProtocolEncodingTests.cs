using SaaSMdm.Rpc.Protocol;

namespace SaaSMdm.Rpc.Tests;

public sealed class ProtocolEncodingTests
{
    [Theory]
    [InlineData("1H", 36_000_000_000)]
    [InlineData("2M", 1_200_000_000)]
    [InlineData("3S", 30_000_000)]
    [InlineData("250m", 2_500_000)]
    [InlineData("100u", 1_000)]
    [InlineData("1000n", 10)]
    [InlineData("99999999S", 999_999_990_000_000)]
    public void Timeout_header_parses(string header, long ticks)
    {
        Assert.True(GrpcTimeout.TryParse(header, out var timeout));
        Assert.Equal(ticks, timeout.Ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("10")]
    [InlineData("10x")]
    [InlineData("-5S")]
    [InlineData("123456789S")]
    [InlineData("1.5S")]
    public void Malformed_timeout_header_is_refused(string header)
    {
        Assert.False(GrpcTimeout.TryParse(header, out _));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(999_999)]
    [InlineData(1_000_000)]
    [InlineData(36_000_000_000)]
    [InlineData(long.MaxValue / 2)]
    public void Formatted_timeout_fits_eight_digits_and_never_shortens_much(long ticks)
    {
        var header = GrpcTimeout.Format(TimeSpan.FromTicks(ticks));

        Assert.True(header.Length <= 9, header);
        Assert.True(GrpcTimeout.TryParse(header, out var parsed));
        Assert.True(parsed.Ticks >= Math.Min(ticks, 99_999_999L * TimeSpan.TicksPerHour) * 0.999, $"{header} -> {parsed.Ticks} for {ticks}");
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("100%", "100%25")]
    [InlineData("ü", "%C3%BC")]
    [InlineData("a\nb", "a%0Ab")]
    public void Status_message_is_percent_encoded(string message, string encoded)
    {
        Assert.Equal(encoded, GrpcStatusMessage.Encode(message));
        Assert.Equal(message, GrpcStatusMessage.Decode(encoded));
    }

    [Fact]
    public void Malformed_percent_escapes_are_kept_as_they_are()
    {
        Assert.Equal("50%zz and %4", GrpcStatusMessage.Decode("50%zz and %4"));
    }

    [Theory]
    [InlineData("application/grpc", true)]
    [InlineData("application/grpc+proto", true)]
    [InlineData("application/grpc; charset=utf-8", true)]
    [InlineData("application/grpc+json", false)]
    [InlineData("application/grpcx", false)]
    [InlineData("application/json", false)]
    [InlineData(null, false)]
    public void Grpc_content_types_are_recognised(string? contentType, bool isGrpc)
    {
        Assert.Equal(isGrpc, GrpcProtocol.IsGrpcContentType(contentType));
    }
}
