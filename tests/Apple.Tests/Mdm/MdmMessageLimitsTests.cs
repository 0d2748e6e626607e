using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Apple.Tests.Mdm;

public sealed class MdmMessageLimitsTests
{
    private const int MaxIdentifier = MdmMessageLimits.MaxIdentifierLength;
    private const int MaxText = MdmMessageLimits.MaxTextLength;

    public static TheoryData<string> IdentityKeys() => ["UDID", "EnrollmentID", "UserID", "EnrollmentUserID", "UserShortName"];

    public static TheoryData<string> AuthenticateTexts() =>
        ["Topic", "DeviceName", "Model", "ModelName", "ProductName", "OSVersion", "BuildVersion", "SerialNumber", "IMEI", "MEID"];

    [Theory]
    [MemberData(nameof(IdentityKeys))]
    public void An_identity_key_over_the_limit_is_refused_with_its_path(string key)
    {
        var message = UserTokenUpdate().Set(key, new string('A', MaxIdentifier + 1));

        AssertRefused(message, key);
        AssertRefused(IdleReport().Set(key, new string('A', MaxIdentifier + 1)), key);
    }

    [Theory]
    [MemberData(nameof(IdentityKeys))]
    public void An_identity_key_with_a_control_character_is_refused(string key)
    {
        foreach (var control in new[] { "\0", "\n", "\u007f", "\u0085" })
        {
            AssertRefused(UserTokenUpdate().Set(key, "ABC" + control + "DEF"), key);
        }
    }

    [Theory]
    [InlineData("UDID")]
    [InlineData("EnrollmentID")]
    public void A_device_key_with_a_colon_is_refused_so_it_cannot_pass_for_a_user_channel(string key) =>
        AssertRefused(new PlistDictionary().Set("MessageType", "CheckOut").Set(key, "DEVICE-1:USER-1"), key);

    [Fact]
    public void The_longest_keys_make_a_channel_id_that_fits_the_store()
    {
        var udid = new string('D', MaxIdentifier);
        var userId = new string('U', MaxIdentifier);

        var message = CheckInMessage.Parse(UserTokenUpdate().Set("UDID", udid).Set("UserID", userId));

        Assert.Equal($"{udid}:{userId}", message.Channel.Id);
        Assert.Equal(MdmMessageLimits.MaxChannelIdLength, message.Channel.Id.Length);
        Assert.True(MdmMessageLimits.MaxChannelIdLength < 512);
    }

    [Theory]
    [MemberData(nameof(AuthenticateTexts))]
    public void Authenticate_texts_up_to_the_limit_are_kept_and_longer_ones_refused(string key)
    {
        var longest = new string('x', MaxText);
        var message = Assert.IsType<AuthenticateCheckIn>(CheckInMessage.Parse(Authenticate().Set(key, longest)));

        Assert.Contains(longest, new[] { message.Topic, message.DeviceName, message.Model, message.ModelName, message.ProductName, message.OSVersion, message.BuildVersion, message.SerialNumber, message.Imei, message.Meid });
        AssertRefused(Authenticate().Set(key, longest + "x"), key);
        AssertRefused(Authenticate().Set(key, "line\nbreak"), key);
    }

    [Theory]
    [InlineData("Topic")]
    [InlineData("PushMagic")]
    [InlineData("UserLongName")]
    public void Token_update_texts_over_the_limit_are_refused(string key) =>
        AssertRefused(UserTokenUpdate().Set(key, new string('x', MaxText + 1)), key);

    [Theory]
    [InlineData("DeclarativeManagement", "Endpoint")]
    [InlineData("GetToken", "TokenServiceType")]
    public void Request_names_over_the_limit_are_refused(string messageType, string key) =>
        AssertRefused(new PlistDictionary().Set("MessageType", messageType).Set("UDID", CheckInSamples.IPhoneUdid).Set(key, new string('x', MaxText + 1)), key);

    [Fact]
    public void A_command_uuid_over_the_limit_is_refused() =>
        AssertRefused(IdleReport().Set("Status", "Acknowledged").Set("CommandUUID", new string('C', MaxIdentifier + 1)), "CommandUUID");

    [Fact]
    public void The_reader_options_refuse_nesting_deeper_than_any_device_message()
    {
        var nested = new PlistDictionary();
        var innermost = nested;
        for (var depth = 1; depth < 40; depth++)
        {
            var next = new PlistDictionary();
            innermost.Set("Nested", next);
            innermost = next;
        }

        var body = PlistWriter.WriteXml(nested);

        Assert.Throws<PlistFormatException>(() => PlistReader.Read(body, MdmMessageLimits.ReaderOptions));
        Assert.Equal(MdmMessageLimits.MaxMessageBytes, MdmMessageLimits.ReaderOptions.MaxInputBytes);
    }

    private static PlistDictionary Authenticate() => new PlistDictionary()
        .Set("MessageType", AuthenticateCheckIn.Type)
        .Set("UDID", CheckInSamples.IPhoneUdid)
        .Set("Topic", CheckInSamples.Topic);

    private static PlistDictionary UserTokenUpdate() => new PlistDictionary()
        .Set("MessageType", TokenUpdateCheckIn.Type)
        .Set("UDID", CheckInSamples.MacUdid)
        .Set("UserID", "A1B2C3D4-E5F6-4718-92A3-B4C5D6E7F809")
        .Set("Topic", CheckInSamples.Topic)
        .Set("Token", new PlistData(new byte[32]))
        .Set("PushMagic", "4A9C8E2F-1B3D-4E5F-A6B7-C8D9E0F1A2B3");

    private static PlistDictionary IdleReport() => new PlistDictionary()
        .Set("Status", "Idle")
        .Set("UDID", CheckInSamples.IPhoneUdid);

    private static void AssertRefused(PlistDictionary message, string keyPath)
    {
        var parse = message.ContainsKey("Status") ? (Action)(() => CommandReport.Parse(message)) : () => CheckInMessage.Parse(message);

        var error = Assert.Throws<MdmMessageFormatException>(parse);

        Assert.Equal(keyPath, error.KeyPath);
    }
}
