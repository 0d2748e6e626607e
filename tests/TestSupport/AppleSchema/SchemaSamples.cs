using System.Text.Json.Nodes;
using SaaSMdm.Apple.Plist;
using SaaSMdm.Apple.Schema;

namespace SaaSMdm.TestSupport.AppleSchema;

/// <summary>
/// Builds the smallest values a schema accepts, straight from the keys: required keys only, the first allowed
/// value where there is a list, one item per array. New schema files therefore need no new test code.
/// </summary>
public static class SchemaSamples
{
    /// <summary>Recursive schemas (home-screen pages in folders in pages) stop growing arrays below this depth.</summary>
    private const int MaxDepth = 8;

    private static readonly string[] StringCandidates =
    [
        "sample",
        "https://mdm.example.com/sample",
        "0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0",
        "00:11:22:33:44:55",
        "123456",
    ];

    public static readonly DateTimeOffset SampleDate = new(2024, 10, 21, 12, 0, 0, TimeSpan.Zero);

    public static PlistDictionary Dictionary(SchemaKeyList keys, int depth = 0)
    {
        var dictionary = new PlistDictionary();
        foreach (var key in keys.Where(key => key.IsRequired && !key.IsWildcard))
        {
            dictionary.Add(key.Name, Value(key, depth + 1));
        }

        return dictionary;
    }

    public static PlistValue Value(SchemaKey key, int depth = 0)
    {
        if (key.AllowedValues is [var first, ..])
        {
            return FromLiteral(first);
        }

        return key.Type switch
        {
            SchemaValueType.String => StringFor(key),
            SchemaValueType.Integer => (long)Math.Ceiling(NumberFor(key, 1)),
            SchemaValueType.Real => NumberFor(key, 1.5),
            SchemaValueType.Boolean => true,
            SchemaValueType.Date => SampleDate,
            SchemaValueType.Data => new byte[] { 1, 2, 3 },
            SchemaValueType.Dictionary => Dictionary(key.Subkeys, depth),
            SchemaValueType.Array => Array(key, depth),
            _ => "anything",
        };
    }

    public static PlistValue FromLiteral(SchemaLiteral literal) => literal switch
    {
        StringLiteral text => text.Value,
        IntegerLiteral integer => integer.Value,
        RealLiteral real => real.Value,
        BooleanLiteral boolean => boolean.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(literal)),
    };

    /// <summary>The JSON a declaration or status report would carry for the same value.</summary>
    public static JsonNode? ToJson(PlistValue value) => value switch
    {
        PlistDictionary dictionary => new JsonObject(dictionary.Select(entry => KeyValuePair.Create(entry.Key, ToJson(entry.Value)))),
        PlistArray array => new JsonArray(array.Select(ToJson).ToArray()),
        PlistString text => JsonValue.Create(text.Value),
        PlistInteger integer => JsonValue.Create(integer.Value),
        PlistReal real => JsonValue.Create(real.Value),
        PlistBoolean boolean => JsonValue.Create(boolean.Value),
        PlistDate date => JsonValue.Create(date.Value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)),
        PlistData data => JsonValue.Create(Convert.ToBase64String(data.Value.Span)),
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    private static PlistArray Array(SchemaKey key, int depth)
    {
        var array = new PlistArray();
        if (key.Subkeys is not [var form, ..])
        {
            return array;
        }

        var count = form.Repetition?.Min ?? (depth < MaxDepth ? 1 : 0);
        for (var index = 0; index < count; index++)
        {
            array.Add(Value(form, depth + 1));
        }

        return array;
    }

    private static string StringFor(SchemaKey key) =>
        key.FormatPattern is not { } pattern
            ? "sample"
            : StringCandidates.FirstOrDefault(pattern.IsMatch)
                ?? throw new InvalidOperationException($"No sample string matches the format {key.Format} of {key.Name}; add one.");

    private static double NumberFor(SchemaKey key, double preferred) => key.Range switch
    {
        { Min: { } min } when preferred < min => min,
        { Max: { } max } when preferred > max => max,
        _ => preferred,
    };
}
