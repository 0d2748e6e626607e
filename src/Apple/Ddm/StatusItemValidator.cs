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
    /// One item's value. In array items, an element marked <c>_removed</c> only needs its identifier: a removal
    /// carries nothing else.
    /// </summary>
    public SchemaValidationResult Validate(string name, JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_catalog.FindStatusItem(name)?.PayloadKeys is not [var key, ..])
        {
            return new SchemaValidationResult([new SchemaProblem(name, SchemaProblemKind.UnknownKey, "unknown status item", _options.UnknownKeySeverity)]);
        }

        var validator = new SchemaValidator(_options);
        if (key is not { Type: SchemaValueType.Array, Subkeys: [var form] } || value.ValueKind != JsonValueKind.Array)
        {
            return validator.ValidateValue(key, value, name);
        }

        var result = SchemaValidationResult.Valid;
        var index = 0;
        foreach (var element in value.EnumerateArray())
        {
            var path = $"{name}[{index++}]";
            result = result.And(IsRemoval(element) ? RemovalProblems(element, path) : validator.ValidateValue(form, element, path));
        }

        return result;
    }

    private static bool IsRemoval(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("_removed", out var removed) && removed.ValueKind == JsonValueKind.True;

    private static SchemaValidationResult RemovalProblems(JsonElement element, string path) =>
        element.TryGetProperty("identifier", out var identifier) && identifier.ValueKind == JsonValueKind.String
            ? SchemaValidationResult.Valid
            : new SchemaValidationResult([new SchemaProblem($"{path}.identifier", SchemaProblemKind.MissingRequiredKey, "a removal must name its identifier")]);
}
