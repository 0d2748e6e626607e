using System.Text.Json;
using System.Text.Json.Nodes;
using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Apple.Schema;

/// <summary>
/// Validates property lists and JSON against schema keys: required keys, types, allowed values, ranges,
/// formats, item counts and forms, nested dictionaries and arrays; <c>&lt;any&gt;</c> accepts anything.
/// Keys the schema does not list are reported (<see cref="SchemaProblemKind.UnknownKey"/>), never removed.
/// </summary>
public sealed class SchemaValidator(SchemaValidationOptions? options = null)
{
    private readonly SchemaValidationOptions _options = options ?? SchemaValidationOptions.Strict;

    public SchemaValidationOptions Options => _options;

    /// <param name="keys">The keys of the dictionary, for example a command's <see cref="SchemaDocument.PayloadKeys"/>.</param>
    /// <param name="dictionary">The value to check.</param>
    /// <param name="path">The path of <paramref name="dictionary"/> itself, prefixed to every problem's path (such as <c>Command</c>).</param>
    public SchemaValidationResult Validate(SchemaKeyList keys, PlistDictionary dictionary, string path = "")
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(dictionary);
        var walker = new PlistSchemaWalker(_options);
        walker.CheckKeys(keys, dictionary, path ?? string.Empty);
        return walker.Result();
    }

    /// <summary>Checks a JSON object; anything else is a <see cref="SchemaProblemKind.WrongType"/> at <paramref name="path"/>.</summary>
    public SchemaValidationResult Validate(SchemaKeyList keys, JsonElement dictionary, string path = "")
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (dictionary.ValueKind != JsonValueKind.Object)
        {
            return new SchemaValidationResult(
                [new SchemaProblem(path ?? string.Empty, SchemaProblemKind.WrongType, $"expected an object, found {JsonSchemaWalker.DescribeKind(dictionary)}")]);
        }

        var walker = new JsonSchemaWalker(_options);
        walker.CheckKeys(keys, dictionary, path ?? string.Empty);
        return walker.Result();
    }

    public SchemaValidationResult Validate(SchemaKeyList keys, JsonNode? dictionary, string path = "") =>
        Validate(keys, JsonSerializer.SerializeToElement(dictionary, SchemaJsonContext.Default.JsonNode), path);

    /// <summary>Checks a single value against its key (a status item's value, one command key).</summary>
    public SchemaValidationResult ValidateValue(SchemaKey key, PlistValue value, string path)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var walker = new PlistSchemaWalker(_options);
        walker.CheckValue(key, value, path ?? string.Empty);
        return walker.Result();
    }

    /// <inheritdoc cref="ValidateValue(SchemaKey, PlistValue, string)"/>
    public SchemaValidationResult ValidateValue(SchemaKey key, JsonElement value, string path)
    {
        ArgumentNullException.ThrowIfNull(key);
        var walker = new JsonSchemaWalker(_options);
        walker.CheckValue(key, value, path ?? string.Empty);
        return walker.Result();
    }
}
