using System.Globalization;
using System.Text.Json;
using SaaSMdm.Apple.Schema;

namespace SaaSMdm.Apple.Ddm;

/// <summary>
/// Checks status items against <c>declarative/status</c>. Problem paths start with the item's dotted name.
/// Status comes from devices, which may know items newer than the schema: construct with
/// <see cref="SchemaValidationOptions.AllowingUnknownKeys"/> to report unknown items and keys as warnings.
/// </summary>
public sealed class StatusItemValidator(AppleSchemaCatalog? catalog = null, SchemaValidationOptions? options = null)
{
    private readonly AppleSchemaCatalog _catalog = catalog ?? AppleSchemaCatalog.Default;
    private readonly SchemaValidationOptions _options = options ?? SchemaValidationOptions.Strict;

    /// <summary>Every item of a report.</summary>
    public SchemaValidationResult Validate(StatusReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Items(_catalog).Aggregate(SchemaValidationResult.Valid, (result, item) => result.And(Validate(item.Name, item.Value)));
    }

    /// <summary>
    /// One item's value. An array element marked <c>_removed</c>, at any depth (<c>mdm.app</c> directly, or
    /// <c>management.declarations.configurations</c> inside a dictionary), only needs its identifier: a removal
    /// carries nothing else, so what the schema says about the rest of such an element does not apply.
    /// </summary>
    public SchemaValidationResult Validate(string name, JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_catalog.FindStatusItem(name)?.PayloadKeys is not [var key, ..])
        {
            return new SchemaValidationResult([new SchemaProblem(name, SchemaProblemKind.UnknownKey, "unknown status item", _options.UnknownKeySeverity)]);
        }

        var removals = new List<(string Path, JsonElement Element)>();
        FindRemovals(value, name, removals);
        var schemaProblems = new SchemaValidator(_options).ValidateValue(key, value, name).Problems
            .Where(problem => !removals.Any(removal => IsWithin(problem.Path, removal.Path)));
        var removalProblems = removals.SelectMany(removal => RemovalProblems(removal.Element, removal.Path));
        var problems = schemaProblems.Concat(removalProblems).ToList();
        return problems.Count == 0 ? SchemaValidationResult.Valid : new SchemaValidationResult(problems);
    }

    private static void FindRemovals(JsonElement node, string path, List<(string Path, JsonElement Element)> removals)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in node.EnumerateObject())
                {
                    FindRemovals(property.Value, $"{path}.{property.Name}", removals);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var element in node.EnumerateArray())
                {
                    var elementPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]");
                    if (IsRemoval(element))
                    {
                        removals.Add((elementPath, element));
                    }
                    else
                    {
                        FindRemovals(element, elementPath, removals);
                    }
                }

                break;
        }
    }

    private static bool IsWithin(string problemPath, string elementPath) =>
        problemPath.StartsWith(elementPath, StringComparison.Ordinal)
        && (problemPath.Length == elementPath.Length || problemPath[elementPath.Length] is '.' or '[');

    /// <summary>Whether an array element is a removal: <c>{"identifier": …, "_removed": true}</c>.</summary>
    public static bool IsRemoval(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("_removed", out var removed) && removed.ValueKind == JsonValueKind.True;

    private static IEnumerable<SchemaProblem> RemovalProblems(JsonElement element, string path) =>
        element.TryGetProperty("identifier", out var identifier) && identifier.ValueKind == JsonValueKind.String
            ? []
            : [new SchemaProblem($"{path}.identifier", SchemaProblemKind.MissingRequiredKey, "a removal must name its identifier")];
}
