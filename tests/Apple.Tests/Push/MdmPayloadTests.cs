using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using SaaSMdm.Apple.Push;

namespace SaaSMdm.Apple.Tests.Push;

public sealed class MdmPayloadTests
{
    [Fact]
    public void Plain_push_magic_is_written_verbatim()
    {
        Assert.Equal("{\"mdm\":\"5C2F7E0A-1B3C-4D5E-8F90-A1B2C3D4E5F6\"}"u8.ToArray(), MdmPayload.Encode("5C2F7E0A-1B3C-4D5E-8F90-A1B2C3D4E5F6"));
    }

    [Fact]
    public void Quotes_backslashes_and_control_characters_are_escaped()
    {
        var body = MdmPayload.Encode("a\"b\\c\n\u0001é😀");

        Assert.Equal("{\"mdm\":\"a\\\"b\\\\c\\u000a\\u0001é😀\"}"u8.ToArray(), body);
    }

    [Fact]
    public void Any_well_formed_push_magic_survives_a_json_parser()
    {
        var wellFormed = ArbMap.Default.ArbFor<string>().Filter(s => !string.IsNullOrEmpty(s) && IsWellFormedUtf16(s));
        Prop.ForAll(wellFormed, magic =>
            {
                using var json = JsonDocument.Parse(MdmPayload.Encode(magic));
                var property = Assert.Single(json.RootElement.EnumerateObject());
                return property.Name == "mdm" && property.Value.GetString() == magic;
            })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Push_magic_that_json_cannot_carry_is_refused()
    {
        // Not [InlineData]: attribute strings are stored as UTF-8, which would replace the lone surrogates.
        foreach (var pushMagic in new[] { "", "lone \ud800 surrogate", "reversed \udc00\ud800 pair", "trailing \ud83d" })
        {
            Assert.Throws<ArgumentException>(() => new MdmPush(DeviceToken.FromBytes(new byte[32]), pushMagic));
        }
    }

    [Fact]
    public void Overlong_push_magic_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new MdmPush(DeviceToken.FromBytes(new byte[32]), new string('x', MdmPush.MaxPushMagicLength + 1)));
    }

    private static bool IsWellFormedUtf16(string text) =>
        System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(text)) == text;
}
