namespace SaaSMdm.Apple.Schema;

/// <summary>Apple's spelling of value types (<c>&lt;string&gt;</c>) and back.</summary>
internal static class SchemaTypeNames
{
    public static SchemaValueType Parse(string text, string path, long line) => text switch
    {
        "<string>" => SchemaValueType.String,
        "<integer>" => SchemaValueType.Integer,
        "<real>" => SchemaValueType.Real,
        "<boolean>" => SchemaValueType.Boolean,
        "<date>" => SchemaValueType.Date,
        "<data>" => SchemaValueType.Data,
        "<array>" => SchemaValueType.Array,
        "<dictionary>" => SchemaValueType.Dictionary,
        "<any>" => SchemaValueType.Any,
        _ => throw new SchemaFormatException(path, line, $"unknown type '{text}'"),
    };

    public static string Format(SchemaValueType type) => $"<{type.ToString().ToLowerInvariant()}>";
}
