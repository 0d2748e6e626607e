using System.Text;
using FsCheck;
using FsCheck.Fluent;
using SaaSMdm.Apple.Push;

namespace SaaSMdm.Apple.Tests.Push;

public sealed class ApnsErrorBodyTests
{
    [Fact]
    public void Reason_and_timestamp_are_read()
    {
        var body = ApnsErrorBody.Parse("{\"reason\":\"Unregistered\",\"timestamp\":1700000000123}"u8);

        Assert.Equal(new ApnsErrorBody("Unregistered", DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123)), body);
    }

    [Fact]
    public void Unknown_members_of_any_shape_are_skipped()
    {
        var body = ApnsErrorBody.Parse("{\"extra\":{\"reason\":\"no\"},\"list\":[1,2],\"reason\":\"BadTopic\"}"u8);

        Assert.Equal(new ApnsErrorBody("BadTopic", null), body);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[\"reason\"]")]
    [InlineData("{\"reason\":42,\"timestamp\":\"soon\"}")]
    [InlineData("{\"timestamp\":-5}")]
    [InlineData("{\"timestamp\":99999999999999999999}")]
    [InlineData("{\"timestamp\":1.5}")]
    public void Unusable_bodies_yield_no_reason_or_timestamp(string json)
    {
        Assert.Equal(default, ApnsErrorBody.Parse(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Truncated_body_keeps_what_came_before_the_cut()
    {
        Assert.Equal(new ApnsErrorBody("Unregistered", null), ApnsErrorBody.Parse("{\"reason\":\"Unregistered\",\"timest"u8));
    }

    [Fact]
    public void Arbitrary_bytes_never_throw()
    {
        Prop.ForAll<byte[]>(bytes => ApnsErrorBody.Parse(bytes) is var _).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Damaged_valid_bodies_never_throw()
    {
        var valid = "{\"reason\":\"Unregistered\",\"timestamp\":1700000000123,\"x\":[{\"y\":null}]}"u8.ToArray();
        Prop.ForAll<int, byte, int>((position, replacement, cut) =>
            {
                var damaged = valid[..(Math.Abs(cut) % (valid.Length + 1))];
                if (damaged.Length > 0)
                {
                    damaged[Math.Abs(position) % damaged.Length] = replacement;
                }

                return ApnsErrorBody.Parse(damaged) is var _;
            })
            .QuickCheckThrowOnFailure();
    }
}
