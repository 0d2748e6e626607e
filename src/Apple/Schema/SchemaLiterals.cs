using System.Globalization;

namespace SaaSMdm.Apple.Schema;

/// <summary>Reads schema scalars as the type of the key they belong to.</summary>
internal static class SchemaLiterals
{
    /// <summary>The literal, or null when <paramref name="text"/> cannot be a value of <paramref name="type"/>.</summary>
    public static SchemaLiteral? Strict(SchemaValueType type, string text) => type switch
    {
        SchemaValueType.String => new StringLiteral(text),
        SchemaValueType.Integer when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
            => new IntegerLiteral(integer),
        SchemaValueType.Real when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real)
            => new RealLiteral(real),
        SchemaValueType.Boolean when bool.TryParse(text, out var boolean) => new BooleanLiteral(boolean),
        _ => null,
    };

    /// <summary>Defaults are documentation only, so one that does not fit the type is kept as text rather than refused.</summary>
    public static SchemaLiteral Lenient(SchemaValueType type, string text) => Strict(type, text) ?? new StringLiteral(text);
}
