using System.Text.Json;
using System.Text.Json.Nodes;

namespace SaaSMdm.DeviceSim.Declarative;

/// <summary>Predicate values from the merged management properties and the device's status items.</summary>
internal sealed class PredicateFacts(IReadOnlyDictionary<string, JsonElement> properties, IReadOnlyDictionary<string, JsonNode> status) : IPredicateFacts
{
    public object? Property(string key) => properties.TryGetValue(key, out var value) ? Scalar(value) : null;

    public object? Status(string name) => status.TryGetValue(name, out var value) && value is JsonValue ? Scalar(Element(value)) : null;

    private static JsonElement Element(JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }

    /// <summary>Numbers as doubles, strings and booleans as themselves; objects, arrays and null compare as absent.</summary>
    private static object? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
