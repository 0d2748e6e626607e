using YamlDotNet.RepresentationModel;

namespace SaaSMdm.Apple.Schema;

/// <summary>
/// Turns the key lists of one file into <see cref="SchemaKey"/>s. A list reached again through a YAML alias
/// becomes the same <see cref="SchemaKeyList"/>, which is how self-referencing files stay finite.
/// </summary>
internal sealed class SchemaKeyReader(string path)
{
    /// <summary>Far deeper than any Apple file (about six); stops a hostile file from exhausting the stack.</summary>
    private const int MaxDepth = 64;

    private readonly Dictionary<YamlSequenceNode, SchemaKeyList> _lists = new(ReferenceEqualityComparer.Instance);

    public SchemaKeyList ReadList(YamlSequenceNode? sequence) => ReadList(sequence, depth: 0);

    public IReadOnlyDictionary<string, SchemaOsSupport> ReadSupportedOs(YamlFields? supportedOs)
    {
        if (supportedOs is not { } systems)
        {
            return new Dictionary<string, SchemaOsSupport>();
        }

        var result = new Dictionary<string, SchemaOsSupport>(StringComparer.Ordinal);
        foreach (var name in systems.Node.Children.Keys)
        {
            var system = systems.ScalarText(name, "supportedOS");
            result[system] = systems.Find(system) is { } entry
                ? ReadOsSupport(YamlFields.Of(entry, path, $"supportedOS.{system}"))
                : new SchemaOsSupport(null, null, null, null, null, null, [], []);
        }

        return result;
    }

    private SchemaKeyList ReadList(YamlSequenceNode? sequence, int depth)
    {
        if (sequence is null)
        {
            return SchemaKeyList.Empty;
        }

        if (_lists.TryGetValue(sequence, out var known))
        {
            return known;
        }

        if (depth > MaxDepth)
        {
            throw new SchemaFormatException(path, sequence.Start.Line, $"keys are nested deeper than {MaxDepth} levels");
        }

        var list = new SchemaKeyList();
        _lists.Add(sequence, list);
        foreach (var item in sequence.Children)
        {
            list.Add(ReadKey(YamlFields.Of(item, path, "a key"), depth));
        }

        list.Seal();
        return list;
    }

    private SchemaKey ReadKey(YamlFields fields, int depth)
    {
        var name = fields.RequiredString("key");
        var type = SchemaTypeNames.Parse(fields.RequiredString("type"), path, fields.LineOf("type"));
        var presence = fields.String("presence") switch
        {
            null or "optional" => SchemaPresence.Optional,
            "required" => SchemaPresence.Required,
            var other => throw new SchemaFormatException(path, fields.LineOf("presence"), $"key '{name}' has presence '{other}'"),
        };
        var details = new SchemaKeyDetails(
            fields.String("title"),
            fields.String("content"),
            ReadRangeList(fields, type),
            ReadRange(fields),
            fields.Find("default") is { } value ? SchemaLiterals.Lenient(type, fields.ScalarText(value, "default")) : null,
            fields.String("format"),
            ReadRepetition(fields),
            fields.String("subkeytype"),
            ReadSupportedOs(fields.Mapping("supportedOS")));
        try
        {
            return new SchemaKey(name, type, presence, ReadList(fields.Sequence("subkeys"), depth + 1), details);
        }
        catch (ArgumentException e)
        {
            throw new SchemaFormatException(path, fields.LineOf("format"), $"key '{name}' has an invalid format pattern: {e.Message}", e);
        }
    }

    private IReadOnlyList<SchemaLiteral> ReadRangeList(YamlFields fields, SchemaValueType type)
    {
        if (fields.Sequence("rangelist") is not { } sequence)
        {
            return [];
        }

        return sequence.Children
            .Select(item => SchemaLiterals.Strict(type, fields.ScalarText(item, "rangelist"))
                ?? throw new SchemaFormatException(path, item.Start.Line, $"rangelist value '{item}' does not fit type {SchemaTypeNames.Format(type)}"))
            .ToArray();
    }

    private static SchemaRange? ReadRange(YamlFields fields) =>
        fields.Mapping("range") is { } range ? new SchemaRange(range.Real("min"), range.Real("max")) : null;

    private SchemaRepetition? ReadRepetition(YamlFields fields)
    {
        if (fields.Mapping("repetition") is not { } repetition)
        {
            return null;
        }

        var min = repetition.Integer("min") ?? 0;
        var max = repetition.Integer("max") ?? int.MaxValue;
        return min >= 0 && min <= max && max <= int.MaxValue
            ? new SchemaRepetition((int)min, (int)max)
            : throw new SchemaFormatException(path, repetition.Line, $"repetition {min}..{max} is not a valid count range");
    }

    private static SchemaOsSupport ReadOsSupport(YamlFields entry) => new(
        entry.String("introduced"),
        entry.String("deprecated"),
        entry.String("removed"),
        entry.Boolean("supervised"),
        entry.Boolean("devicechannel"),
        entry.Boolean("userchannel"),
        entry.Strings("allowed-enrollments"),
        entry.Strings("allowed-scopes"));
}
