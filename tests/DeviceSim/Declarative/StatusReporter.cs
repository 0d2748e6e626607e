using System.Text.Json;
using System.Text.Json.Nodes;
using SaaSMdm.Apple.Ddm;

namespace SaaSMdm.DeviceSim.Declarative;

/// <summary>
/// Builds the reports a device sends: everything on the first report and every
/// <see cref="DeclarativeBehavior.FullReportEverySyncs"/>-th sync, otherwise only what changed since the last
/// report the server accepted (a refused report is resent as changes next time).
/// </summary>
internal sealed class StatusReporter(DeclarativeBehavior behavior)
{
    private Dictionary<string, JsonNode>? _acknowledged;
    private HashSet<string> _acknowledgedErrors = new(StringComparer.Ordinal);
    private int _syncs;

    /// <summary>The report for this sync, or null when nothing changed and no full report is due.</summary>
    /// <param name="unavailable">Subscribed items the device cannot report; each is an error once, and again in full reports.</param>
    public PendingStatusReport? Next(IReadOnlyDictionary<string, JsonNode> current, IReadOnlySet<string> unavailable)
    {
        _syncs++;
        var full = _acknowledged is null || (behavior.FullReportEverySyncs > 0 && _syncs % behavior.FullReportEverySyncs == 0);
        var items = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var (name, value) in current)
        {
            if ((full ? value.DeepClone() : StatusDiff.Changes(_acknowledged!.GetValueOrDefault(name), value)) is { } change)
            {
                items[name] = change;
            }
        }

        var errors = unavailable.Where(name => full || !_acknowledgedErrors.Contains(name)).Order(StringComparer.Ordinal).ToArray();
        if (items.Count == 0 && errors.Length == 0)
        {
            return null;
        }

        var report = new StatusReport(Nest(items), [.. errors.Select(Unavailable)], full);
        return new PendingStatusReport(report, current.ToDictionary(pair => pair.Key, pair => pair.Value.DeepClone(), StringComparer.Ordinal), new HashSet<string>(unavailable, StringComparer.Ordinal));
    }

    public void Acknowledged(PendingStatusReport sent)
    {
        _acknowledged = sent.Snapshot;
        _acknowledgedErrors = new HashSet<string>(sent.Unavailable, StringComparer.Ordinal);
    }

    /// <summary>Dotted names as nested objects: <c>device.identifier.udid</c> under <c>device</c>, then <c>identifier</c>.</summary>
    private static JsonElement Nest(IEnumerable<KeyValuePair<string, JsonNode>> items)
    {
        var root = new JsonObject();
        foreach (var (name, value) in items)
        {
            var parts = name.Split('.');
            var parent = root;
            foreach (var part in parts[..^1])
            {
                parent = parent[part] as JsonObject ?? (JsonObject)(parent[part] = new JsonObject());
            }

            parent[parts[^1]] = value;
        }

        using var document = JsonDocument.Parse(root.ToJsonString());
        return document.RootElement.Clone();
    }

    private static StatusError Unavailable(string name) =>
        new(name, [new StatusReason("Error.StatusItemNotSupported", $"The device does not report {name}.")]);
}

/// <summary>A report about to be sent, with the state it describes, acknowledged once the server accepts it.</summary>
internal sealed record PendingStatusReport(StatusReport Report, Dictionary<string, JsonNode> Snapshot, IReadOnlySet<string> Unavailable);
