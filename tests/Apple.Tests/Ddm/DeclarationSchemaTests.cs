using System.Text.Json;
using System.Text.Json.Nodes;
using SaaSMdm.Apple.Ddm;
using SaaSMdm.Apple.Plist;
using SaaSMdm.Apple.Schema;
using SaaSMdm.Apple.Tests.Schema;

namespace SaaSMdm.Apple.Tests.Ddm;

public sealed class DeclarationSchemaTests
{
    public static TheoryData<string> DeclarationFiles()
    {
        var data = new TheoryData<string>();
        foreach (var path in SchemaFiles.Under("declarative/declarations", except: "declarative/declarations/declarationbase.yaml"))
        {
            if (!path.StartsWith("declarative/declarations/assets/credentials/", StringComparison.Ordinal))
            {
                data.Add(path);
            }
        }

        return data;
    }

    public static TheoryData<string> StatusFiles() => SchemaFiles.Under("declarative/status", except: "declarative/status/statusreason.yaml");

    /// <summary>The "done when" of the issue: every declaration type in the schema can be built and validated, and breaks are caught.</summary>
    [Theory]
    [MemberData(nameof(DeclarationFiles))]
    public void Every_declaration_type_can_be_built_and_each_break_is_reported(string path)
    {
        var schema = AppleSchemaCatalog.Default.FindByPath(path)!;
        Assert.Equal(SchemaKind.Declaration, schema.Kind);

        SchemaConformance.AssertAll(
            schema.PayloadKeys,
            (sample, options) => new DeclarationValidator(options: options).Validate(
                Declaration.Create(schema.TypeName, "com.example.test", JsonSerializer.SerializeToElement(SchemaSamples.ToJson(sample)))),
            "Payload");
    }

    [Theory]
    [MemberData(nameof(StatusFiles))]
    public void Every_status_item_is_validated_inside_a_report(string path)
    {
        var schema = AppleSchemaCatalog.Default.FindByPath(path)!;
        Assert.Equal(SchemaKind.StatusItem, schema.Kind);

        SchemaConformance.AssertAll(
            schema.PayloadKeys,
            (sample, options) => new StatusItemValidator(options: options).Validate(Report(sample)),
            string.Empty,
            topLevelKeysRequired: false);
    }

    /// <summary>Nests dotted item names as devices do: <c>{"a.b": 1}</c> becomes <c>{"a": {"b": 1}}</c>.</summary>
    private static StatusReport Report(PlistDictionary flat)
    {
        var items = new JsonObject();
        foreach (var (name, value) in flat)
        {
            var parts = name.Split('.');
            var parent = items;
            foreach (var part in parts[..^1])
            {
                parent = parent[part] as JsonObject ?? (JsonObject)(parent[part] = new JsonObject());
            }

            parent[parts[^1]] = SchemaSamples.ToJson(value);
        }

        var report = new JsonObject { ["StatusItems"] = items, ["Errors"] = new JsonArray() };
        return StatusReport.Parse(JsonSerializer.SerializeToUtf8Bytes(report));
    }
}
