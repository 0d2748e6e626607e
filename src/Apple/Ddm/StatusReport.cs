using System.Text.Json;
using System.Text.Json.Serialization;
using SaaSMdm.Apple.Schema;

namespace SaaSMdm.Apple.Ddm;

/// <summary>
/// A status report a device sends to the <c>status</c> endpoint. Reports are incremental unless
/// <see cref="FullReport"/> is set. <see cref="StatusItems"/> nests dotted names as objects
/// (<c>device.identifier.udid</c> arrives as <c>{"device":{"identifier":{"udid":…}}}</c>); <see cref="Items"/>
/// flattens them.
/// </summary>
public sealed record StatusReport
{
    [JsonConstructor]
    public StatusReport(JsonElement statusItems, IReadOnlyList<StatusError>? errors = null, bool fullReport = false)
    {
        if (statusItems.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"StatusItems must be a JSON object, not {statusItems.ValueKind}.", nameof(statusItems));
        }

        StatusItems = statusItems.Clone();
        Errors = errors ?? [];
        FullReport = fullReport;
    }

    public JsonElement StatusItems { get; }

    public IReadOnlyList<StatusError> Errors { get; }

    /// <summary>True when the report holds all current status (the roughly daily safety sync), not just changes.</summary>
    public bool FullReport { get; }

    /// <exception cref="DdmFormatException">The JSON is not a status report.</exception>
    public static StatusReport Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            return DdmJson.Parse(json, DdmJsonContext.Default.StatusReport);
        }
        catch (ArgumentException e)
        {
            throw new DdmFormatException($"Malformed StatusReport: {e.Message}", e);
        }
    }

    public byte[] ToJson() => DdmJson.Serialize(this, DdmJsonContext.Default.StatusReport);

    /// <summary>
    /// The status items by dotted name. A name the catalog knows ends the descent even when its value is an
    /// object (<c>management.declarations</c>); unknown names descend into objects and stop at other values.
    /// </summary>
    public IReadOnlyList<StatusItemValue> Items(AppleSchemaCatalog? catalog = null)
    {
        catalog ??= AppleSchemaCatalog.Default;
        var items = new List<StatusItemValue>();
        Flatten(StatusItems, string.Empty, catalog, items);
        return items;
    }

    private static void Flatten(JsonElement node, string prefix, AppleSchemaCatalog catalog, List<StatusItemValue> items)
    {
        foreach (var property in node.EnumerateObject())
        {
            var name = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
            if (catalog.FindStatusItem(name) is not null)
            {
                items.Add(new StatusItemValue(name, property.Value, IsKnown: true));
            }
            else if (property.Value.ValueKind == JsonValueKind.Object)
            {
                Flatten(property.Value, name, catalog, items);
            }
            else
            {
                items.Add(new StatusItemValue(name, property.Value, IsKnown: false));
            }
        }
    }
}

/// <summary>A status item the device could not report.</summary>
public sealed record StatusError(string StatusItem, IReadOnlyList<StatusReason>? Reasons = null);

/// <summary>Why something failed or is not active: a code such as <c>Error.ConfigurationCannotBeApplied</c>, with details.</summary>
public sealed record StatusReason(string Code, string? Description = null, JsonElement? Details = null);

/// <summary>One status item of a report, by its dotted name.</summary>
/// <param name="IsKnown">Whether Apple's schema defines the item.</param>
public sealed record StatusItemValue(string Name, JsonElement Value, bool IsKnown);
