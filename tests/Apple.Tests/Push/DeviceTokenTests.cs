using FsCheck;
using FsCheck.Fluent;
using SaaSMdm.Apple.Push;

namespace SaaSMdm.Apple.Tests.Push;

public sealed class DeviceTokenTests
{
    [Fact]
    public void Bytes_become_lowercase_hex_and_back()
    {
        var bytes = Enumerable.Range(0xE0, 32).Select(b => (byte)b).ToArray();

        var token = DeviceToken.FromBytes(bytes);

        Assert.Equal(string.Concat(bytes.Select(b => b.ToString("x2"))), token.Hex);
        Assert.Equal(bytes, token.ToBytes());
    }

    [Fact]
    public void Hex_of_either_case_parses_to_the_same_token()
    {
        Assert.Equal(DeviceToken.Parse(new string('a', 64)), DeviceToken.Parse(new string('A', 64)));
        Assert.Equal(new string('a', 64), DeviceToken.Parse(new string('A', 64)).Hex);
    }

    [Fact]
    public void Any_accepted_length_round_trips_through_hex()
    {
        var lengths = Gen.Choose(DeviceToken.MinLength, DeviceToken.MaxLength);
        Prop.ForAll(
                Arb.From(lengths.SelectMany(n => Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), n))),
                bytes => DeviceToken.Parse(DeviceToken.FromBytes(bytes).Hex).ToBytes().SequenceEqual(bytes))
            .QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("00112233445566")]
    public void Empty_odd_or_short_hex_is_refused(string hex)
    {
        Assert.Throws<InvalidDeviceTokenException>(() => DeviceToken.Parse(hex));
    }

    [Fact]
    public void Non_hex_character_is_refused_with_its_position()
    {
        var hex = new string('0', 40) + "0g" + new string('0', 22);

        var error = Assert.Throws<InvalidDeviceTokenException>(() => DeviceToken.Parse(hex));

        Assert.Equal(41, error.Position);
        Assert.Contains("41", error.Message);
    }

    [Fact]
    public void Token_bytes_outside_the_accepted_length_are_refused()
    {
        Assert.Throws<InvalidDeviceTokenException>(() => DeviceToken.FromBytes([]));
        Assert.Throws<InvalidDeviceTokenException>(() => DeviceToken.FromBytes(new byte[DeviceToken.MinLength - 1]));
        Assert.Throws<InvalidDeviceTokenException>(() => DeviceToken.FromBytes(new byte[DeviceToken.MaxLength + 1]));
        Assert.Throws<InvalidDeviceTokenException>(() => DeviceToken.Parse(new string('f', 2 * DeviceToken.MaxLength + 2)));
    }

    [Fact]
    public void Text_forms_never_show_the_whole_token()
    {
        var token = DeviceToken.Parse("0123456789abcdef0123456789abcdef");
        var push = new MdmPush(token, "magic-value");

        Assert.Equal("0123…cdef", token.ToString());
        Assert.DoesNotContain(token.Hex, push.ToString());
        Assert.DoesNotContain("magic-value", push.ToString());
    }

    [Fact]
    public void A_push_needs_a_parsed_token()
    {
        Assert.Throws<ArgumentException>(() => new MdmPush(default, "magic"));
        Assert.Throws<InvalidOperationException>(() => default(DeviceToken).Hex);
    }
}
