using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace SaaSMdm.Apple.Schema;

/// <summary>
/// Schema checks over JSON (declarations, status reports). JSON has no dates or data, so <c>&lt;date&gt;</c>
/// is a string holding a timestamp and <c>&lt;data&gt;</c> a string holding base64.
/// </summary>
internal sealed class JsonSchemaWalker(SchemaValidationOptions options) : SchemaWalker<JsonElement>(options)
{
    protected override bool HasType(JsonElement node, SchemaValueType type) => type switch
    {
        SchemaValueType.String => node.ValueKind == JsonValueKind.String,
        SchemaValueType.Integer => node.ValueKind == JsonValueKind.Number && node.TryGetInt64(out _),
        SchemaValueType.Real => node.ValueKind == JsonValueKind.Number,
        SchemaValueType.Boolean => node.ValueKind is JsonValueKind.True or JsonValueKind.False,
        SchemaValueType.Date => node.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(node.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
        SchemaValueType.Data => node.ValueKind == JsonValueKind.String && Base64.IsValid(node.GetString()!),
        SchemaValueType.Array => node.ValueKind == JsonValueKind.Array,
        SchemaValueType.Dictionary => node.ValueKind == JsonValueKind.Object,
        _ => true,
    };

    protected override string Describe(JsonElement node) => DescribeKind(node);

    public static string DescribeKind(JsonElement node) => node.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => node.TryGetInt64(out _) ? "an integer" : "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    protected override bool TryGetEntry(JsonElement dictionary, string key, out JsonElement value) =>
        dictionary.TryGetProperty(key, out value);

    protected override IEnumerable<(string Key, JsonElement Value)> Entries(JsonElement dictionary) =>
        dictionary.EnumerateObject().Select(property => (property.Name, property.Value));

    protected override IReadOnlyList<JsonElement> Items(JsonElement array) => array.EnumerateArray().ToArray();

    protected override bool Matches(JsonElement scalar, SchemaLiteral literal) => literal switch
    {
        StringLiteral expected => scalar.ValueKind == JsonValueKind.String && string.Equals(expected.Value, scalar.GetString(), StringComparison.Ordinal),
        IntegerLiteral expected => scalar.ValueKind == JsonValueKind.Number
            && (scalar.TryGetInt64(out var integer) ? integer == expected.Value : TryGetNumber(scalar, out var number) && number == expected.Value),
        RealLiteral expected => TryGetNumber(scalar, out var real) && real == expected.Value,
        BooleanLiteral expected => scalar.ValueKind == (expected.Value ? JsonValueKind.True : JsonValueKind.False),
        _ => false,
    };

    protected override bool TryGetNumber(JsonElement scalar, out double value)
    {
        value = 0;
        return scalar.ValueKind == JsonValueKind.Number && scalar.TryGetDouble(out value) && double.IsFinite(value);
    }

    protected override bool TryGetString(JsonElement scalar, out string value)
    {
        value = scalar.ValueKind == JsonValueKind.String ? scalar.GetString()! : string.Empty;
        return scalar.ValueKind == JsonValueKind.String;
    }

    protected override string Render(JsonElement scalar) => SchemaText.Quote(scalar.GetRawText());
}
