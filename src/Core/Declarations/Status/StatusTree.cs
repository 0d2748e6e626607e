using System.Text.Json;
using System.Text.Json.Nodes;
using SaaSMdm.Apple.Ddm;

namespace SaaSMdm.Core.Declarations.Status;

/// <summary>
/// The latest known status of an enrollment channel, merged from incremental reports: a report updates only
/// what it carries (objects recursively); arrays whose elements all carry an <c>identifier</c> are merged per
/// element, and an element <c>{"identifier": …, "_removed": true}</c> deletes one; any other value replaces
/// what was stored. A full report replaces the whole tree.
/// </summary>
public static class StatusTree
{
    public static JsonObject Parse(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonNode.Parse(json) as JsonObject ?? [];

    /// <summary>The tree after <paramref name="report"/>: <paramref name="stored"/> is changed in place unless the report is full.</summary>
    public static JsonObject Apply(JsonObject stored, StatusReport report)
    {
        var items = JsonObject.Create(report.StatusItems)!;
        if (report.FullReport)
        {
            return (JsonObject)WithoutRemovals(items);
        }

        MergeObject(stored, items);
        return stored;
    }

    private static void MergeObject(JsonObject stored, JsonObject changes)
    {
        foreach (var (name, change) in changes)
        {
            var current = stored[name];
            var merged = Merge(current, change);
            if (!ReferenceEquals(merged, current))
            {
                stored[name] = merged;
            }
        }
    }

    private static JsonNode? Merge(JsonNode? stored, JsonNode? change)
    {
        switch (stored, change)
        {
            case (JsonObject storedObject, JsonObject changedObject):
                MergeObject(storedObject, changedObject);
                return storedObject;
            case (JsonArray storedArray, JsonArray changedArray) when IsKeyed(storedArray) && IsKeyed(changedArray):
                MergeElements(storedArray, changedArray);
                return storedArray;
            default:
                return change is null ? null : WithoutRemovals(change.DeepClone());
        }
    }

    private static void MergeElements(JsonArray stored, JsonArray changes)
    {
        foreach (var change in changes)
        {
            var identifier = IdentifierOf(change);
            var index = stored.ToList().FindIndex(element => IdentifierOf(element) == identifier);
            if (IsRemoval(change))
            {
                if (index >= 0)
                {
                    stored.RemoveAt(index);
                }
            }
            else if (index >= 0)
            {
                stored[index] = WithoutRemovals(change!.DeepClone());
            }
            else
            {
                stored.Add(WithoutRemovals(change!.DeepClone()));
            }
        }
    }

    /// <summary>Removal markers describe a change, not a state: they never stay in the tree.</summary>
    private static JsonNode WithoutRemovals(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj.ToList())
                {
                    if (value is not null)
                    {
                        WithoutRemovals(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var removal in array.Where(IsRemoval).ToList())
                {
                    array.Remove(removal);
                }

                foreach (var element in array)
                {
                    if (element is not null)
                    {
                        WithoutRemovals(element);
                    }
                }

                break;
        }

        return node;
    }

    private static bool IsKeyed(JsonArray array) => array.All(element => IdentifierOf(element) is not null);

    private static string? IdentifierOf(JsonNode? element) =>
        element is JsonObject obj && obj["identifier"] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static bool IsRemoval(JsonNode? element) =>
        element is JsonObject obj && obj["_removed"] is JsonValue value && value.GetValueKind() == JsonValueKind.True;
}
