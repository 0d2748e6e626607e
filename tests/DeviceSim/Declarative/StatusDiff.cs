using System.Text.Json.Nodes;

namespace SaaSMdm.DeviceSim.Declarative;

/// <summary>
/// What changed in one status item since the last acknowledged report. Arrays of elements with an
/// <c>identifier</c> change per element (new or changed elements whole, removed ones as
/// <c>{identifier, _removed: true}</c>); a dictionary of such arrays (<c>management.declarations</c>) changes per
/// array, each array present so the value keeps its shape; any other value is sent whole when it differs.
/// </summary>
internal static class StatusDiff
{
    /// <summary>The change to send, or null when nothing changed.</summary>
    public static JsonNode? Changes(JsonNode? acknowledged, JsonNode current)
    {
        if (acknowledged is null)
        {
            return current.DeepClone();
        }

        if (JsonNode.DeepEquals(acknowledged, current))
        {
            return null;
        }

        if (acknowledged is JsonArray before && current is JsonArray after && IsKeyed(before) && IsKeyed(after))
        {
            return ElementChanges(before, after);
        }

        if (acknowledged is JsonObject beforeObject && current is JsonObject afterObject && IsDictionaryOfKeyedArrays(beforeObject) && IsDictionaryOfKeyedArrays(afterObject))
        {
            var changes = new JsonObject();
            foreach (var (key, value) in afterObject)
            {
                changes[key] = beforeObject[key] is JsonArray previous ? ElementChanges(previous, (JsonArray)value!) : value!.DeepClone();
            }

            return changes;
        }

        return current.DeepClone();
    }

    private static JsonArray ElementChanges(JsonArray before, JsonArray after)
    {
        var previous = before.ToDictionary(Identifier, StringComparer.Ordinal);
        var changes = new JsonArray();
        foreach (var element in after)
        {
            if (!previous.Remove(Identifier(element), out var old) || !JsonNode.DeepEquals(old, element))
            {
                changes.Add(element!.DeepClone());
            }
        }

        foreach (var removed in previous.Keys.Order(StringComparer.Ordinal))
        {
            changes.Add(new JsonObject { ["identifier"] = removed, ["_removed"] = true });
        }

        return changes;
    }

    private static bool IsKeyed(JsonArray array) => array.All(element => element is JsonObject item && item["identifier"] is JsonValue);

    private static bool IsDictionaryOfKeyedArrays(JsonObject value) => value.Count > 0 && value.All(pair => pair.Value is JsonArray array && IsKeyed(array));

    private static string Identifier(JsonNode? element) => element!["identifier"]!.GetValue<string>();
}
