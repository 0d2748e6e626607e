using System.Text.Json;
using SaaSMdm.Apple.Plist;
using SaaSMdm.Apple.Schema;

namespace SaaSMdm.Apple.Tests.Schema;

public sealed class SchemaValidatorTests
{
    private static readonly SchemaKeyList Keys = SchemaDocumentReader.Read("mdm/commands/sample.yaml", """
        title: Sample
        payload:
          requesttype: Sample
        payloadkeys:
        - key: Queries
          type: <array>
          presence: required
          subkeys:
          - key: QueriesItem
            type: <string>
            subkeys:
            - key: UDID
              type: <string>
            - key: SerialNumber
              type: <string>
        - key: Level
          type: <integer>
          rangelist: [1, 2]
        - key: Ratio
          type: <real>
          range: {min: 0, max: 1}
        - key: Url
          type: <string>
          format: ^https://.*$
        - key: Pair
          type: <array>
          subkeys:
          - key: PairItem
            type: <string>
            repetition: {min: 2, max: 2}
        - key: Free
          type: <dictionary>
        - key: Anything
          type: <any>
        - key: Labels
          type: <dictionary>
          subkeys:
          - key: ANY
            type: <string>
        - key: Settings
          type: <array>
          subkeys:
          - key: Name
            type: <dictionary>
            subkeys:
            - key: Item
              type: <string>
              presence: required
              rangelist: [Name]
            - key: Name
              type: <string>
              presence: required
          - key: Switch
            type: <dictionary>
            subkeys:
            - key: Item
              type: <string>
              presence: required
              rangelist: [Switch]
            - key: Enabled
              type: <boolean>
              presence: required
        - key: When
          type: <date>
        - key: Blob
          type: <data>
        """).PayloadKeys;

    private static readonly SchemaValidator Validator = new();

    [Fact]
    public void Accepts_a_value_that_uses_every_rule()
    {
        var value = new PlistDictionary()
            .Add("Queries", new PlistArray { "UDID", "SerialNumber" })
            .Add("Level", 2)
            .Add("Ratio", 1)
            .Add("Url", "https://example.com/")
            .Add("Pair", new PlistArray { "CN", "name" })
            .Add("Free", new PlistDictionary().Add("whatever", new PlistArray { 1 }))
            .Add("Anything", new byte[] { 1 })
            .Add("Labels", new PlistDictionary().Add("en", "Hello").Add("fr", "Bonjour"))
            .Add("Settings", new PlistArray
            {
                new PlistDictionary().Add("Item", "Switch").Add("Enabled", true),
                new PlistDictionary().Add("Item", "Name").Add("Name", "iPad"),
            })
            .Add("When", DateTimeOffset.UnixEpoch)
            .Add("Blob", new byte[] { 1, 2 });

        var result = Validator.Validate(Keys, value, "Command");

        Assert.True(result.Problems.Count == 0, result.ToString());
    }

    public static TheoryData<string, PlistValue, string, SchemaProblemKind> Breaks() => new()
    {
        { "Queries", new PlistArray { "UDID", "Serial" }, "Command.Queries[1]", SchemaProblemKind.ValueNotAllowed },
        { "Queries", new PlistArray { "UDID", 5 }, "Command.Queries[1]", SchemaProblemKind.WrongType },
        { "Level", 3, "Command.Level", SchemaProblemKind.ValueNotAllowed },
        { "Level", 1.0, "Command.Level", SchemaProblemKind.WrongType },
        { "Ratio", 1.5, "Command.Ratio", SchemaProblemKind.OutOfRange },
        { "Url", "http://example.com/", "Command.Url", SchemaProblemKind.FormatMismatch },
        { "Pair", new PlistArray { "CN" }, "Command.Pair", SchemaProblemKind.WrongItemCount },
        { "Labels", new PlistDictionary().Add("en", 1), "Command.Labels.en", SchemaProblemKind.WrongType },
        { "Settings", new PlistArray { new PlistDictionary().Add("Item", "Switch") }, "Command.Settings[0].Enabled", SchemaProblemKind.MissingRequiredKey },
        { "Settings", new PlistArray { new PlistDictionary().Add("Item", "Volume") }, "Command.Settings[0]", SchemaProblemKind.NoMatchingItemForm },
        { "Free", "text", "Command.Free", SchemaProblemKind.WrongType },
        { "When", "2024-01-01", "Command.When", SchemaProblemKind.WrongType },
    };

    [Theory]
    [MemberData(nameof(Breaks))]
    public void Reports_each_break_once_at_its_path(string key, PlistValue value, string path, SchemaProblemKind kind)
    {
        var command = new PlistDictionary().Add("Queries", new PlistArray()).Set(key, value);

        var problem = Assert.Single(Validator.Validate(Keys, command, "Command").Problems);

        Assert.Equal((path, kind), (problem.Path, problem.Kind));
    }

    [Fact]
    public void Reports_a_missing_required_key_and_keeps_unknown_keys()
    {
        var command = new PlistDictionary().Add("Querys", new PlistArray { "UDID" });

        var result = Validator.Validate(Keys, command, "Command");

        Assert.Equal(
            [("Command.Queries", SchemaProblemKind.MissingRequiredKey), ("Command.Querys", SchemaProblemKind.UnknownKey)],
            result.Problems.Select(problem => (problem.Path, problem.Kind)));
        Assert.True(command.ContainsKey("Querys"));
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Json_dates_and_data_are_strings_and_integers_are_whole_numbers()
    {
        using var good = JsonDocument.Parse("""{"Queries": [], "When": "2024-10-21T12:00:00Z", "Blob": "AQI=", "Level": 1, "Ratio": 0.5}""");
        using var bad = JsonDocument.Parse("""{"Queries": [], "When": "yesterday", "Blob": "not base64!", "Level": 1.5, "Ratio": null}""");

        Assert.True(Validator.Validate(Keys, good.RootElement).Problems.Count == 0);
        Assert.Equal(
            ["Blob", "Level", "Ratio", "When"],
            Validator.Validate(Keys, bad.RootElement).Problems.Where(problem => problem.Kind == SchemaProblemKind.WrongType).Select(problem => problem.Path).Order());
    }

    [Fact]
    public void A_json_value_that_is_not_an_object_is_a_wrong_type()
    {
        using var array = JsonDocument.Parse("[]");

        var problem = Assert.Single(Validator.Validate(Keys, array.RootElement, "Payload").Problems);

        Assert.Equal(("Payload", SchemaProblemKind.WrongType), (problem.Path, problem.Kind));
    }

    [Fact]
    public void Following_a_self_referencing_schema_stops_at_a_depth_bound()
    {
        var keys = SchemaDocumentReader.Read("mdm/profiles/nested.yaml", """
            title: Nested
            payload:
              payloadtype: com.example.nested
            payloadkeys:
            - key: Folder
              type: <array>
              subkeys: &item
              - key: Folder
                type: <array>
                subkeys: *item
            """).PayloadKeys;
        PlistValue value = new PlistArray();
        for (var depth = 0; depth < 1000; depth++)
        {
            value = new PlistArray { value };
        }

        var problem = Assert.Single(Validator.Validate(keys, new PlistDictionary().Add("Folder", value)).Problems);

        Assert.Equal(SchemaProblemKind.TooDeep, problem.Kind);
    }
}
