using System.Text.RegularExpressions;

namespace SaaSMdm.Apple.Schema;

/// <summary>
/// One key of Apple's schema. Keys form a graph rather than a tree: a few files reuse a key list inside
/// itself through YAML aliases (home-screen layouts nest pages in folders in pages), so walk it with a depth
/// bound or alongside a finite value.
/// </summary>
public sealed class SchemaKey
{
    private static readonly TimeSpan FormatTimeout = TimeSpan.FromMilliseconds(250);

    private IReadOnlyList<SchemaLiteral>? _allowedValues;

    internal SchemaKey(
        string name,
        SchemaValueType type,
        SchemaPresence presence,
        SchemaKeyList subkeys,
        SchemaKeyDetails details)
    {
        Name = name;
        Type = type;
        Presence = presence;
        Subkeys = subkeys;
        Title = details.Title;
        Content = details.Content;
        RangeList = details.RangeList;
        Range = details.Range;
        Default = details.Default;
        Repetition = details.Repetition;
        SubkeyType = details.SubkeyType;
        SupportedOS = details.SupportedOS;
        Format = details.Format;
        FormatPattern = details.Format is { } format
            ? new Regex(format, RegexOptions.CultureInvariant, FormatTimeout)
            : null;
    }

    public string Name { get; }

    public SchemaValueType Type { get; }

    public SchemaPresence Presence { get; }

    public bool IsRequired => Presence == SchemaPresence.Required;

    /// <summary>
    /// Apple names a key <c>ANY</c> (or <c>ANY app identifier</c> and the like) to describe every key of a
    /// dictionary that is not listed by name; its presence is meaningless.
    /// </summary>
    public bool IsWildcard => IsWildcardName(Name);

    /// <summary>
    /// For a dictionary, its keys (empty: any content). For an array, the forms its items may take, usually
    /// exactly one. For a string, Apple sometimes lists the allowed values as subkeys (DeviceInformation queries).
    /// </summary>
    public SchemaKeyList Subkeys { get; }

    public string? Title { get; }

    public string? Content { get; }

    /// <summary>The allowed values as written (<c>rangelist</c>); empty when any value of the type is allowed.</summary>
    public IReadOnlyList<SchemaLiteral> RangeList { get; }

    public SchemaRange? Range { get; }

    public SchemaLiteral? Default { get; }

    /// <summary>A regular expression the whole string value must match (<c>format</c>).</summary>
    public string? Format { get; }

    public SchemaRepetition? Repetition { get; }

    /// <summary>Apple's name for the shape of the subkeys when several keys share it.</summary>
    public string? SubkeyType { get; }

    /// <summary>Per operating system (iOS, macOS, tvOS, visionOS, watchOS), when stated on the key.</summary>
    public IReadOnlyDictionary<string, SchemaOsSupport> SupportedOS { get; }

    /// <summary>
    /// The values a scalar may take: the <c>rangelist</c>, or else, for a scalar that has subkeys, the subkey
    /// names. Empty means unrestricted.
    /// </summary>
    public IReadOnlyList<SchemaLiteral> AllowedValues => _allowedValues ??= RangeList.Count > 0 || !IsScalar || Subkeys.Count == 0
        ? RangeList
        : Subkeys.Select(key => (SchemaLiteral)new StringLiteral(key.Name)).ToArray();

    public bool IsScalar => Type is not (SchemaValueType.Array or SchemaValueType.Dictionary or SchemaValueType.Any);

    /// <summary>The pattern the key's format names (a UUID, a URL...), which a string value must match.</summary>
    public Regex? FormatPattern { get; }

    public override string ToString() => $"{Name} <{Type.ToString().ToLowerInvariant()}>";

    internal static bool IsWildcardName(string name) =>
        name == "ANY" || name.StartsWith("ANY ", StringComparison.Ordinal);
}
