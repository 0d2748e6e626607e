using System.Text.Json;

namespace SaaSMdm.Portal.DeviceViews;

/// <summary>One status item of a declarative status report, e.g. device.operating-system.version = 17.4.</summary>
public sealed record StatusItem(string Path, string Value);

/// <summary>Flattens the merged StatusItems JSON into dotted paths; a malformed tree reads as no items.</summary>
public static class StatusItems
{
    /// <summary>Enough for every item Apple defines; a device that reports far more is cut short, not rendered whole.</summary>
    public const int Limit = 300;

    public static IReadOnlyList<StatusItem> Read(string json)
    {
        var items = new List<StatusItem>();
        try
        {
            using var document = JsonDocument.Parse(json.Length > 0 ? json : "{}");
            Walk(document.RootElement, "", items);
        }
        catch (JsonException)
        {
            return [];
        }

        return items;
    }

    private static void Walk(JsonElement element, string path, List<StatusItem> items)
    {
        if (items.Count >= Limit)
        {
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", items);
                }

                break;
            case JsonValueKind.Array:
                items.Add(new StatusItem(path, $"{element.GetArrayLength()} entries"));
                break;
            case JsonValueKind.String:
                items.Add(new StatusItem(path, element.GetString() ?? ""));
                break;
            default:
                items.Add(new StatusItem(path, element.GetRawText()));
                break;
        }
    }
}
