using System.Text.Json.Nodes;
using SaaSMdm.Apple.Schema;
using SaaSMdm.Portal.DeclarationForms;

namespace SaaSMdm.Portal.Tests.Declarations;

/// <summary>The declaration form generator without a browser: schema → fields, payload → form texts → payload.</summary>
public sealed class FormGeneratorTests
{
    private const string EveryKindYaml = """
        title: Test:Every Kind
        description: Every key type the form generator knows
        payload:
          declarationtype: com.example.every-kind
        payloadkeys:
        - key: Name
          title: A name
          type: <string>
          presence: required
          content: Any text.
        - key: Mode
          type: <string>
          presence: optional
          rangelist:
          - Fast
          - Slow
          default: Fast
        - key: Count
          type: <integer>
          presence: optional
          range:
            min: 1
            max: 10
        - key: Ratio
          type: <real>
          presence: optional
        - key: Enabled
          type: <boolean>
          presence: required
        - key: Visible
          type: <boolean>
          presence: optional
        - key: When
          type: <date>
          presence: optional
        - key: Blob
          type: <data>
          presence: optional
        - key: Hosts
          type: <array>
          presence: optional
          subkeys:
          - key: Host
            type: <string>
        - key: Ports
          type: <array>
          presence: optional
          subkeys:
          - key: Port
            type: <integer>
        - key: Server
          type: <dictionary>
          presence: optional
          subkeys:
          - key: Address
            type: <string>
            presence: required
          - key: Options
            type: <dictionary>
            presence: optional
            subkeys:
            - key: Secure
              type: <boolean>
              presence: optional
        - key: Rules
          type: <array>
          presence: optional
          subkeys:
          - key: Rule
            type: <dictionary>
            subkeys:
            - key: Pattern
              type: <string>
        - key: Extra
          type: <dictionary>
          presence: optional
        - key: Anything
          type: <any>
          presence: optional
        """;

    private static readonly SchemaDocument EveryKind = SchemaDocumentReader.Read("declarative/declarations/configurations/every-kind.yaml", EveryKindYaml);

    private static readonly IReadOnlyList<FormField> Fields = SchemaFormBuilder.Build(EveryKind.PayloadKeys);

    [Fact]
    public void Each_key_type_gets_its_input()
    {
        var inputs = FormValues.Flatten(Fields).ToDictionary(field => field.Name, field => field.Input);

        Assert.Equal(FormInput.Text, inputs["Name"]);
        Assert.Equal(FormInput.Select, inputs["Mode"]);
        Assert.Equal(FormInput.Integer, inputs["Count"]);
        Assert.Equal(FormInput.Real, inputs["Ratio"]);
        Assert.Equal(FormInput.Checkbox, inputs["Enabled"]);
        Assert.Equal(FormInput.OptionalBoolean, inputs["Visible"]);
        Assert.Equal(FormInput.DateTime, inputs["When"]);
        Assert.Equal(FormInput.Data, inputs["Blob"]);
        Assert.Equal(FormInput.Lines, inputs["Hosts"]);
        Assert.Equal(FormInput.Lines, inputs["Ports"]);
        Assert.Equal(FormInput.Text, inputs["Server.Address"]);
        Assert.Equal(FormInput.OptionalBoolean, inputs["Server.Options.Secure"]);
        Assert.Equal(FormInput.Json, inputs["Rules"]);
        Assert.Equal(FormInput.Json, inputs["Extra"]);
        Assert.Equal(FormInput.Json, inputs["Anything"]);
    }

    [Fact]
    public void Fields_carry_the_schema_help_required_default_options_and_range()
    {
        var name = Fields.Single(field => field.Name == "Name");
        var mode = Fields.Single(field => field.Name == "Mode");
        var count = Fields.Single(field => field.Name == "Count");
        var server = Fields.Single(field => field.Name == "Server");

        Assert.True(name.Required);
        Assert.Equal("Any text.", name.Help);
        Assert.Equal("A name (Name)", name.Label);
        Assert.Equal(["Fast", "Slow"], mode.Options);
        Assert.Equal("Fast", mode.DefaultText);
        Assert.Equal(("1", "10"), (count.Min, count.Max));
        Assert.Equal(FormInput.Fieldset, server.Input);
        Assert.Equal(["Server.Address", "Server.Options"], server.Children.Select(child => child.Name));
    }

    [Fact]
    public void Every_key_type_round_trips_from_JSON_through_form_texts_to_JSON()
    {
        var payload = JsonNode.Parse("""
            {
              "Name": "Office",
              "Mode": "Slow",
              "Count": 7,
              "Ratio": 0.25,
              "Enabled": false,
              "Visible": false,
              "When": "2026-03-04T05:06:07Z",
              "Blob": "AAECAw==",
              "Hosts": ["a.example.com", "b.example.com"],
              "Ports": [443, 8443],
              "Server": { "Address": "mail.example.com", "Options": { "Secure": true } },
              "Rules": [ { "Pattern": "*.example.com" } ],
              "Extra": { "Anything": [1, "two"] },
              "Anything": 42
            }
            """)!.AsObject();

        var texts = FormValues.FromPayload(Fields, payload);
        var (back, problems) = FormValues.ToPayload(Fields, texts);

        Assert.Empty(problems);
        Assert.True(JsonNode.DeepEquals(payload, back), back.ToJsonString());
        Assert.Equal("a.example.com\nb.example.com", texts["Hosts"]);
        Assert.Equal("2026-03-04T05:06:07", texts["When"]);
        Assert.Equal("false", texts["Visible"]);
        Assert.Equal("true", texts["Server.Options.Secure"]);
    }

    [Fact]
    public void Empty_texts_leave_keys_out_and_an_unchecked_required_checkbox_is_false()
    {
        var (payload, problems) = FormValues.ToPayload(Fields, new Dictionary<string, string> { ["Name"] = "Only", ["Server.Address"] = " " });

        Assert.Empty(problems);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"Name":"Only","Enabled":false}"""), payload), payload.ToJsonString());
    }

    [Fact]
    public void Texts_that_are_not_values_of_their_type_are_problems_of_their_field()
    {
        var texts = new Dictionary<string, string> { ["Count"] = "seven", ["Ports"] = "443\nhttps", ["Rules"] = "[{", ["When"] = "yesterday" };

        var (_, problems) = FormValues.ToPayload(Fields, texts);
        var byField = new FieldProblems(Fields, problems);

        Assert.Equal(["Count", "When", "Ports", "Rules"], problems.Select(problem => problem.Path));
        Assert.Contains("not a whole number", Assert.Single(byField.For("Count")));
        Assert.Contains("not valid JSON", Assert.Single(byField.For("Rules")));
    }

    [Fact]
    public void Schema_check_puts_missing_required_keys_and_ranges_next_to_their_fields()
    {
        var (payload, _) = FormValues.ToPayload(Fields, new Dictionary<string, string> { ["Count"] = "11", ["Server.Options.Secure"] = "true", ["Mode"] = "Sideways" });

        var byField = new FieldProblems(Fields, DeclarationSchemaCheck.Problems(EveryKind, payload));

        Assert.Contains("missing", Assert.Single(byField.For("Name")));
        Assert.Contains("outside", Assert.Single(byField.For("Count")));
        Assert.Contains("not one of", Assert.Single(byField.For("Mode")));
        Assert.Contains("missing", Assert.Single(byField.For("Server.Address")));
        Assert.Empty(byField.Unplaced);
    }

    [Fact]
    public void Posted_form_texts_are_read_by_input_name()
    {
        var posted = new Dictionary<string, string> { ["p:Name"] = "Posted", ["p:Server.Address"] = "x", ["Name"] = "not a field input" };

        var texts = FormValues.FromForm(Fields, name => posted.GetValueOrDefault(name));

        Assert.Equal(new Dictionary<string, string> { ["Name"] = "Posted", ["Server.Address"] = "x" }, texts);
    }

    [Theory]
    [InlineData("com.apple.configuration.passcode.settings")]
    [InlineData("com.apple.configuration.account.caldav")]
    [InlineData("com.apple.configuration.softwareupdate.settings")]
    [InlineData("com.apple.asset.credential.scep")]
    public void Every_named_key_of_a_real_type_becomes_a_field(string type)
    {
        var schema = DeclarationTypes.Find(type)!;

        var fields = SchemaFormBuilder.Build(schema.PayloadKeys);

        Assert.Equal(schema.PayloadKeys.Where(key => !key.IsWildcard).Select(key => key.Name), fields.Select(field => field.Key.Name));
    }

    [Fact]
    public void Every_declaration_type_of_Apple_schema_builds_a_form()
    {
        Assert.True(DeclarationTypes.All.Count > 30);
        Assert.All(DeclarationTypes.All, schema => Assert.NotNull(SchemaFormBuilder.Build(schema.PayloadKeys)));
    }
}
