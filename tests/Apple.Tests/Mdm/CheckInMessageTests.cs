using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Plist;
using SaaSMdm.Apple.Schema;
using SaaSMdm.Apple.Tests.Schema;

namespace SaaSMdm.Apple.Tests.Mdm;

public sealed class CheckInMessageTests
{
    public static TheoryData<string> CheckInFiles() => SchemaFiles.Under("mdm/checkin");

    [Fact]
    public void Authenticate_from_an_iphone()
    {
        var message = Assert.IsType<AuthenticateCheckIn>(Parse(CheckInSamples.AuthenticateFromIPhone));

        Assert.Equal(
            (CheckInSamples.Topic, "Alex’s iPhone", "iPhone15,2", "iPhone", "18.0", "22A3354", "F2LXK0ABCDEF", "35 391809 123456 7", "35391809123456"),
            (message.Topic, message.DeviceName, message.Model, message.ModelName, message.OSVersion, message.BuildVersion, message.SerialNumber, message.Imei, message.Meid));
        Assert.Equal(new EnrollmentChannel(CheckInSamples.IPhoneUdid, EnrollmentChannelKind.Device, null), message.Channel);
    }

    [Fact]
    public void Authenticate_under_user_enrollment_has_no_hardware_identifiers()
    {
        var message = Assert.IsType<AuthenticateCheckIn>(Parse(CheckInSamples.AuthenticateUserEnrollment));

        Assert.Null(message.SerialNumber);
        Assert.Null(message.Identity.Udid);
        Assert.Equal(new EnrollmentChannel(CheckInSamples.EnrollmentId, EnrollmentChannelKind.UserEnrollmentDevice, null), message.Channel);
    }

    [Fact]
    public void Token_update_carries_token_push_magic_and_unlock_token()
    {
        var message = Assert.IsType<TokenUpdateCheckIn>(Parse(CheckInSamples.TokenUpdateFromIPhone));

        Assert.Equal(Convert.FromBase64String("3q2+7wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f"), message.Token.ToArray());
        Assert.Equal("4A9C8E2F-1B3D-4E5F-A6B7-C8D9E0F1A2B3", message.PushMagic);
        Assert.Equal(Convert.FromBase64String("AAECAwQFBgcICQ=="), message.UnlockToken?.ToArray());
        Assert.True(message.AwaitingConfiguration);
        Assert.Null(message.NotOnConsole);
    }

    [Theory]
    [InlineData(nameof(CheckInSamples.TokenUpdateMacUser), CheckInSamples.MacUdid + ":A1B2C3D4-E5F6-4718-92A3-B4C5D6E7F809", EnrollmentChannelKind.User, CheckInSamples.MacUdid)]
    [InlineData(nameof(CheckInSamples.TokenUpdateSharedIPadUser), CheckInSamples.IPhoneUdid + ":sam@school.example", EnrollmentChannelKind.SharedIPadUser, CheckInSamples.IPhoneUdid)]
    [InlineData(nameof(CheckInSamples.TokenUpdateUserEnrollmentUser), CheckInSamples.EnrollmentId + ":7E6D5C4B-3A29-4817-A6B5-C4D3E2F1A0B9", EnrollmentChannelKind.UserEnrollmentUser, CheckInSamples.EnrollmentId)]
    public void Token_updates_of_user_channels_name_their_parent(string sample, string id, EnrollmentChannelKind kind, string parent)
    {
        var message = Assert.IsType<TokenUpdateCheckIn>(Parse(Sample(sample)));

        Assert.Equal(new EnrollmentChannel(id, kind, parent), message.Channel);
    }

    [Fact]
    public void Mac_user_token_update_exposes_the_user_keys()
    {
        var message = Assert.IsType<TokenUpdateCheckIn>(Parse(CheckInSamples.TokenUpdateMacUser));

        Assert.Equal(("alex", "Alex Example", false), (message.Identity.UserShortName, message.Identity.UserLongName, message.NotOnConsole));
    }

    [Fact]
    public void The_other_message_types_read_their_keys()
    {
        Assert.Equal(CheckInSamples.Topic, Assert.IsType<CheckOutCheckIn>(Parse(CheckInSamples.CheckOut)).Topic);
        Assert.Null(Assert.IsType<UserAuthenticateCheckIn>(Parse(CheckInSamples.UserAuthenticateFirst)).DigestResponse);
        Assert.StartsWith("username=", Assert.IsType<UserAuthenticateCheckIn>(Parse(CheckInSamples.UserAuthenticateWithDigest)).DigestResponse, StringComparison.Ordinal);
        Assert.Equal("bootstrap-token"u8.ToArray(), Assert.IsType<SetBootstrapTokenCheckIn>(Parse(CheckInSamples.SetBootstrapToken)).BootstrapToken?.ToArray());
        Assert.True(Assert.IsType<GetBootstrapTokenCheckIn>(Parse(CheckInSamples.GetBootstrapToken)).AwaitingConfiguration);
        var declarative = Assert.IsType<DeclarativeManagementCheckIn>(Parse(CheckInSamples.DeclarativeManagementStatus));
        Assert.Equal(("status", """{"StatusItems":{},"Errors":[]}"""), (declarative.Endpoint, System.Text.Encoding.UTF8.GetString(declarative.Data!.Value.Span)));
        var token = Assert.IsType<GetTokenCheckIn>(Parse(CheckInSamples.GetToken));
        Assert.Equal(("com.apple.watch.pairing", "00008301-0011223344556677"), (token.TokenServiceType, token.TokenParameters?.GetString("WatchUDID")));
    }

    [Fact]
    public void Unknown_keys_stay_in_the_raw_message()
    {
        var body = CheckInSamples.Body($"""
            <key>MessageType</key><string>CheckOut</string>
            <key>UDID</key><string>{CheckInSamples.IPhoneUdid}</string>
            <key>FutureKey</key><dict><key>Nested</key><integer>1</integer></dict>
            """);

        var message = Parse(body);

        Assert.Equal(1, message.Raw.GetDictionary("FutureKey").GetInteger("Nested"));
        Assert.Equal(CheckInSamples.Read(body), message.Raw);
    }

    [Fact]
    public void Every_message_type_in_the_schema_has_a_record()
    {
        var schemaTypes = AppleSchemaCatalog.Default.OfKind(SchemaKind.CheckIn).Select(document => document.TypeName);

        Assert.Equal(schemaTypes.Order(StringComparer.Ordinal), CheckInMessage.KnownMessageTypes.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CheckInFiles))]
    public void A_message_built_from_its_schema_parses_into_its_record(string path)
    {
        var schema = AppleSchemaCatalog.Default.FindByPath(path)!;
        var body = SchemaSamples.Dictionary(schema.PayloadKeys);
        body.Set("UDID", CheckInSamples.IPhoneUdid);

        var message = CheckInMessage.Parse(body);

        Assert.Equal(schema.TypeName, message.MessageType);
        Assert.Equal(schema.TypeName, message.GetType().GetField("Type")?.GetValue(null));
        Assert.Same(body, message.Raw);
    }

    public static TheoryData<string, string?> Malformed() => new()
    {
        { CheckInSamples.Body($"<key>UDID</key><string>{CheckInSamples.IPhoneUdid}</string>"), "MessageType" },
        { CheckInSamples.Body($"<key>MessageType</key><integer>3</integer><key>UDID</key><string>x</string>"), "MessageType" },
        { CheckInSamples.Body("<key>MessageType</key><string>CheckOut</string>"), null },
        { CheckInSamples.Body("<key>MessageType</key><string>CheckOut</string><key>UDID</key><data>AA==</data>"), "UDID" },
        { CheckInSamples.Body($"<key>MessageType</key><string>TokenUpdate</string><key>UDID</key><string>x</string><key>Topic</key><string>t</string><key>PushMagic</key><string>m</string><key>Token</key><string>not data</string>"), "Token" },
        { CheckInSamples.Body($"<key>MessageType</key><string>TokenUpdate</string><key>UDID</key><string>x</string><key>Topic</key><string>t</string><key>Token</key><data>AA==</data>"), "PushMagic" },
        { CheckInSamples.Body($"<key>MessageType</key><string>Authenticate</string><key>UDID</key><string>x</string>"), "Topic" },
        { CheckInSamples.Body($"<key>MessageType</key><string>DeclarativeManagement</string><key>UDID</key><string>x</string>"), "Endpoint" },
        { CheckInSamples.Body($"<key>MessageType</key><string>GetToken</string><key>UDID</key><string>x</string><key>TokenServiceType</key><string>s</string><key>TokenParameters</key><array/>"), "TokenParameters" },
        { CheckInSamples.Body($"<key>MessageType</key><string>CheckOut</string><key>UDID</key><string>x</string><key>UserID</key><string>FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF</string>"), "UserShortName" },
        { "<plist version=\"1.0\"><array/></plist>", null },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_check_ins_fail_with_the_offending_key(string body, string? keyPath)
    {
        var error = Assert.Throws<MdmMessageFormatException>(() => Parse(body));

        Assert.Equal(keyPath, error.KeyPath);
    }

    [Fact]
    public void An_unknown_message_type_has_its_own_exception()
    {
        var body = CheckInSamples.Body($"<key>MessageType</key><string>ReturnToService</string><key>UDID</key><string>x</string>");

        var error = Assert.Throws<UnknownMessageTypeException>(() => Parse(body));

        Assert.Equal("ReturnToService", error.MessageType);
    }

    [Fact]
    public void Responses_carry_the_tokens()
    {
        Assert.Equal(new byte[] { 7 }, GetBootstrapTokenCheckIn.Response(new byte[] { 7 }).GetData("BootstrapToken").ToArray());
        Assert.Empty(GetBootstrapTokenCheckIn.Response(null));
        Assert.Equal(new byte[] { 8 }, GetTokenCheckIn.Response(new byte[] { 8 }).GetData("TokenData").ToArray());
    }

    private static CheckInMessage Parse(string body) => CheckInMessage.Parse(CheckInSamples.Read(body));

    private static string Sample(string name) => (string)typeof(CheckInSamples).GetField(name)!.GetValue(null)!;
}
