using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace SaaSMdm.Apple.Schema;

/// <summary>Typed access to the fields of one YAML mapping, failing with the file and line of the culprit.</summary>
internal sealed class YamlFields(YamlMappingNode node, string path)
{
    public YamlMappingNode Node => node;

    public long Line => node.Start.Line;

    public static YamlFields Of(YamlNode node, string path, string what) => node is YamlMappingNode mapping
        ? new YamlFields(mapping, path)
        : throw new SchemaFormatException(path, node.Start.Line, $"{what} must be a mapping");

    /// <summary>The node under <paramref name="name"/>, or null when the field is missing or written empty.</summary>
    public YamlNode? Find(string name) =>
        node.Children.TryGetValue(new YamlScalarNode(name), out var value) && !IsNull(value) ? value : null;

    /// <summary>The line of the field's value, or of the mapping when the field is missing.</summary>
    public long LineOf(string name) => Find(name)?.Start.Line ?? Line;

    public string? String(string name) => Find(name) is { } value ? ScalarText(value, name) : null;

    public string RequiredString(string name) =>
        String(name) ?? throw new SchemaFormatException(path, Line, $"'{name}' is required");

    public bool? Boolean(string name) => String(name) is { } text ? ParseBoolean(text, Find(name)!, name) : null;

    public long? Integer(string name) => String(name) is { } text ? ParseInteger(text, Find(name)!, name) : null;

    public double? Real(string name) => String(name) is { } text ? ParseReal(text, Find(name)!, name) : null;

    public YamlFields? Mapping(string name) => Find(name) is { } value ? Of(value, path, $"'{name}'") : null;

    public YamlSequenceNode? Sequence(string name) => Find(name) switch
    {
        null => null,
        YamlSequenceNode sequence => sequence,
        var other => throw new SchemaFormatException(path, other.Start.Line, $"'{name}' must be a list"),
    };

    public IReadOnlyList<string> Strings(string name) =>
        Sequence(name) is { } sequence ? sequence.Children.Select(item => ScalarText(item, name)).ToArray() : [];

    public string ScalarText(YamlNode value, string name) => value is YamlScalarNode { Value: { } text }
        ? text
        : throw new SchemaFormatException(path, value.Start.Line, $"'{name}' must be a scalar");

    public bool ParseBoolean(string text, YamlNode at, string name) => text.ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => throw new SchemaFormatException(path, at.Start.Line, $"'{name}' must be true or false, not '{text}'"),
    };

    public long ParseInteger(string text, YamlNode at, string name) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new SchemaFormatException(path, at.Start.Line, $"'{name}' must be an integer, not '{text}'");

    public double ParseReal(string text, YamlNode at, string name) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new SchemaFormatException(path, at.Start.Line, $"'{name}' must be a number, not '{text}'");

    /// <summary>YAML's plain empty, <c>~</c> and <c>null</c> scalars mean "no value".</summary>
    private static bool IsNull(YamlNode value) =>
        value is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };
}
