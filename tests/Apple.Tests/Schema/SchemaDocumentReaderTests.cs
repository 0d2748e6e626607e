using SaaSMdm.Apple.Schema;

namespace SaaSMdm.Apple.Tests.Schema;

public sealed class SchemaDocumentReaderTests
{
    [Fact]
    public void Reads_key_attributes()
    {
        var document = SchemaDocumentReader.Read("mdm/commands/sample.yaml", """
            title: Sample
            payload:
              requesttype: Sample
              supportedOS:
                iOS:
                  introduced: '4.0'
                  supervised: true
                  allowed-enrollments: [supervised, device]
                macOS:
                  introduced: n/a
            payloadkeys:
            - key: Level
              title: The level
              type: <integer>
              presence: required
              rangelist: [1, 2, 4]
              default: 2
            - key: Ratio
              type: <real>
              range: {min: 0.5, max: 2}
            - key: Pairs
              type: <array>
              subkeys:
              - key: Pair
                type: <string>
                repetition: {min: 2, max: 2}
            - key: Url
              type: <string>
              format: ^https://
            """);

        Assert.Equal((SchemaKind.Command, "Sample", "Sample"), (document.Kind, document.TypeName, document.Title));
        Assert.Equal(["Level", "Ratio", "Pairs", "Url"], document.PayloadKeys.Select(key => key.Name));
        var level = document.PayloadKeys[0];
        Assert.Equal((SchemaValueType.Integer, SchemaPresence.Required, "The level"), (level.Type, level.Presence, level.Title));
        Assert.Equal<SchemaLiteral>([new IntegerLiteral(1), new IntegerLiteral(2), new IntegerLiteral(4)], level.RangeList);
        Assert.Equal(new IntegerLiteral(2), level.Default);
        Assert.Equal(new SchemaRange(0.5, 2), document.PayloadKeys[1].Range);
        Assert.Equal(SchemaPresence.Optional, document.PayloadKeys[1].Presence);
        Assert.Equal(new SchemaRepetition(2, 2), document.PayloadKeys[2].Subkeys[0].Repetition);
        Assert.Equal("^https://", document.PayloadKeys[3].Format);
        Assert.True(document.SupportedOS["iOS"] is { Introduced: "4.0", Supervised: true, IsAvailable: true, AllowedEnrollments: ["supervised", "device"] });
        Assert.False(document.SupportedOS["macOS"].IsAvailable);
    }

    [Fact]
    public void A_list_reused_inside_itself_through_an_alias_becomes_a_cycle()
    {
        var document = SchemaDocumentReader.Read("mdm/profiles/sample.yaml", """
            title: Nested
            payload:
              payloadtype: com.example.nested
            payloadkeys:
            - key: Folder
              type: <array>
              subkeys: &item
              - key: Icon
                type: <dictionary>
                subkeys:
                - key: Children
                  type: <array>
                  subkeys: *item
            """);

        var items = document.PayloadKeys[0].Subkeys;
        Assert.Same(items, items[0].Subkeys[0].Subkeys);
    }

    [Theory]
    [InlineData("mdm/checkin/x.yaml", "payload: {requesttype: TokenUpdate}", SchemaKind.CheckIn, "TokenUpdate")]
    [InlineData("mdm/errors/unrecognized.device.yaml", "payload: {}", SchemaKind.Error, "unrecognized.device")]
    [InlineData("mdm/profiles/x.yaml", "payload: {payloadtype: com.apple.mdm}", SchemaKind.ProfilePayload, "com.apple.mdm")]
    [InlineData("mdm/profiles/x.yaml", "payload: {payloadtype: TopLevel}", SchemaKind.ProfileEnvelope, "TopLevel")]
    [InlineData("declarative/declarations/configurations/x.yaml", "payload: {declarationtype: com.apple.configuration.x}", SchemaKind.Declaration, "com.apple.configuration.x")]
    [InlineData("declarative/declarations/declarationbase.yaml", "payload: {declarationtype: any}", SchemaKind.DeclarationEnvelope, "any")]
    [InlineData("declarative/declarations/assets/credentials/x.yaml", "payload: {credentialtype: com.apple.credential.x}", SchemaKind.Credential, "com.apple.credential.x")]
    [InlineData("declarative/status/x.yaml", "payload: {statusitemtype: device.x}", SchemaKind.StatusItem, "device.x")]
    [InlineData("declarative/status/statusreason.yaml", "payload: {declarationtype: status-reason}", SchemaKind.StatusReason, "status-reason")]
    [InlineData("declarative/protocol/x.yaml", "payload: {requesttype: StatusReport}", SchemaKind.Protocol, "StatusReport")]
    [InlineData("other/x.yaml", "payload: {payloadtype: SkipKeys}", SchemaKind.Other, "SkipKeys")]
    public void Folder_and_payload_field_decide_the_kind(string path, string payload, SchemaKind kind, string typeName)
    {
        var document = SchemaDocumentReader.Read(path, $"title: T\n{payload}\n");

        Assert.Equal((kind, typeName), (document.Kind, document.TypeName));
        Assert.Empty(document.PayloadKeys);
    }

    [Theory]
    [InlineData("title: T\npayload: {requesttype: X}\npayloadkeys:\n- key: A\n  type: <strin>\n", 5, "unknown type")]
    [InlineData("title: T\npayload: {requesttype: X}\npayloadkeys:\n- key: A\n  type: <integer>\n  rangelist: [one]\n", 6, "rangelist value")]
    [InlineData("title: T\npayload: {requesttype: X}\npayloadkeys:\n- key: A\n  type: <string>\n  presence: maybe\n", 6, "presence")]
    [InlineData("title: T\npayload: {requesttype: X}\npayloadkeys:\n- key: A\n  type: <string>\n  format: '(['\n", 6, "format pattern")]
    [InlineData("title: T\npayload: {requesttype: X}\npayloadkeys:\n- type: <string>\n", 4, "'key' is required")]
    [InlineData("title: T\npayload: {requesttype: X}\npayloadkeys: {a: 1}\n", 3, "must be a list")]
    [InlineData("title: T\npayload: {payloadtype: X}\n", 2, "'payload.requesttype' is required")]
    [InlineData("title: T\npayload: [1]\n", 2, "must be a mapping")]
    [InlineData("title: [T\n", 2, "")]
    [InlineData("title: T\npayload: {requesttype: X}\npayloadkeys:\n- key: A\n  type: <array>\n  subkeys: *missing\n", 1, "missing")]
    public void Malformed_files_fail_with_the_file_and_line(string yaml, long line, string reason)
    {
        var error = Assert.Throws<SchemaFormatException>(() => SchemaDocumentReader.Read("mdm/commands/broken.yaml", yaml));

        Assert.Equal("mdm/commands/broken.yaml", error.Path);
        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_outside_the_known_folders_is_refused()
    {
        var error = Assert.Throws<SchemaFormatException>(() => SchemaDocumentReader.Read("elsewhere/x.yaml", "title: T\npayload: {}\n"));

        Assert.Contains("elsewhere", error.Message, StringComparison.Ordinal);
    }
}
