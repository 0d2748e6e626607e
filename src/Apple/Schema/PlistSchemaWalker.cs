using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Apple.Schema;

/// <summary>Schema checks over property-list values (MDM commands, check-ins, profile payloads).</summary>
internal sealed class PlistSchemaWalker(SchemaValidationOptions options) : SchemaWalker<PlistValue>(options)
{
    protected override bool HasType(PlistValue node, SchemaValueType type) => type switch
    {
        SchemaValueType.String => node is PlistString,
        SchemaValueType.Integer => node is PlistInteger,

        // A whole number written as <integer> is still a fine real number.
        SchemaValueType.Real => node is PlistReal or PlistInteger,
        SchemaValueType.Boolean => node is PlistBoolean,
        SchemaValueType.Date => node is PlistDate,
        SchemaValueType.Data => node is PlistData,
        SchemaValueType.Array => node is PlistArray,
        SchemaValueType.Dictionary => node is PlistDictionary,
        _ => true,
    };

    protected override string Describe(PlistValue node) => node.Kind switch
    {
        PlistValueKind.Array => "an array",
        PlistValueKind.Integer => "an integer",
        PlistValueKind.Data => "data",
        var kind => $"a {kind.ToString().ToLowerInvariant()}",
    };

    protected override bool TryGetEntry(PlistValue dictionary, string key, out PlistValue value) =>
        ((PlistDictionary)dictionary).TryGetValue(key, out value!);

    protected override IEnumerable<(string Key, PlistValue Value)> Entries(PlistValue dictionary)
    {
        foreach (var (key, value) in (PlistDictionary)dictionary)
        {
            yield return (key, value);
        }
    }

    protected override IReadOnlyList<PlistValue> Items(PlistValue array) => (PlistArray)array;

    protected override bool Matches(PlistValue scalar, SchemaLiteral literal) => (literal, scalar) switch
    {
        (StringLiteral expected, PlistString actual) => string.Equals(expected.Value, actual.Value, StringComparison.Ordinal),
        (IntegerLiteral expected, PlistInteger actual) => expected.Value == actual.Value,
        (IntegerLiteral expected, PlistReal actual) => expected.Value == actual.Value,
        (RealLiteral expected, PlistReal actual) => expected.Value == actual.Value,
        (RealLiteral expected, PlistInteger actual) => expected.Value == actual.Value,
        (BooleanLiteral expected, PlistBoolean actual) => expected.Value == actual.Value,
        _ => false,
    };

    protected override bool TryGetNumber(PlistValue scalar, out double value)
    {
        value = scalar switch
        {
            PlistInteger integer => integer.Value,
            PlistReal real => real.Value,
            _ => double.NaN,
        };
        return !double.IsNaN(value);
    }

    protected override bool TryGetString(PlistValue scalar, out string value)
    {
        value = (scalar as PlistString)?.Value ?? string.Empty;
        return scalar is PlistString;
    }

    protected override string Render(PlistValue scalar) => SchemaText.Quote(scalar.ToString());
}
