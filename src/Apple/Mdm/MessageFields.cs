using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Apple.Mdm;

/// <summary>
/// Reads the keys of a dictionary received from a device. A missing required key, a value of the wrong type or a
/// kept string over its <see cref="MdmMessageLimits"/> becomes an <see cref="MdmMessageFormatException"/> naming
/// the full key path.
/// </summary>
internal sealed class MessageFields(PlistDictionary dictionary, string path = "")
{
    public PlistDictionary Dictionary => dictionary;

    /// <summary>The full path of <paramref name="key"/> in the message, as errors name it.</summary>
    public string PathOf(string key) => path.Length == 0 ? key : $"{path}.{key}";

    public static MessageFields Of(PlistValue value, string what) => value as PlistDictionary is { } dictionary
        ? new MessageFields(dictionary)
        : throw new MdmMessageFormatException($"{what} must be a dictionary, not {value.Kind.ToString().ToLowerInvariant()}");

    public string? String(string key) => Read<PlistString>(key)?.Value;

    public string RequiredString(string key) => String(key) ?? throw Missing(key, "a string");

    /// <summary>An identifier the device names itself or a command by, bounded by <see cref="MdmMessageLimits.MaxIdentifierLength"/>.</summary>
    public string? Identifier(string key) => Bounded(key, MdmMessageLimits.MaxIdentifierLength);

    /// <summary>Free text kept from the message, bounded by <see cref="MdmMessageLimits.MaxTextLength"/>.</summary>
    public string? Text(string key) => Bounded(key, MdmMessageLimits.MaxTextLength);

    public string RequiredText(string key) => Text(key) ?? throw Missing(key, "a string");

    public bool? Boolean(string key) => Read<PlistBoolean>(key)?.Value;

    public bool RequiredBoolean(string key) => Boolean(key) ?? throw Missing(key, "a boolean");

    public long? Integer(string key) => Read<PlistInteger>(key)?.Value;

    /// <summary>A real, also accepting a whole number written as an integer.</summary>
    public double? Number(string key) => Read<PlistValue>(key) switch
    {
        null => null,
        PlistReal real => real.Value,
        PlistInteger integer => integer.Value,
        var other => throw WrongType(key, "a number", other),
    };

    public ReadOnlyMemory<byte>? Data(string key) => Read<PlistData>(key)?.Value;

    public ReadOnlyMemory<byte> RequiredData(string key) => Data(key) ?? throw Missing(key, "data");

    public PlistDictionary? DictionaryValue(string key) => Read<PlistDictionary>(key);

    public MessageFields RequiredDictionary(string key) => Nested(key) ?? throw Missing(key, "a dictionary");

    /// <summary>A nested dictionary read with its own path, or null when the key is missing.</summary>
    public MessageFields? Nested(string key) => DictionaryValue(key) is { } nested ? new MessageFields(nested, PathOf(key)) : null;

    /// <summary>An array of dictionaries, each read with its own path (<c>Key[n]</c>); empty when the key is missing.</summary>
    public IReadOnlyList<MessageFields> Dictionaries(string key) => Items<PlistDictionary>(key)
        .Select((item, index) => new MessageFields(item, $"{PathOf(key)}[{index}]"))
        .ToArray();

    public IReadOnlyList<string> Strings(string key) => Items<PlistString>(key).Select(item => item.Value).ToArray();

    public IReadOnlyList<MessageFields> RequiredDictionaries(string key) =>
        dictionary.ContainsKey(key) ? Dictionaries(key) : throw Missing(key, "an array");

    private IEnumerable<T> Items<T>(string key)
        where T : PlistValue
    {
        if (Read<PlistArray>(key) is not { } array)
        {
            return [];
        }

        return array.Select((item, index) => item as T ?? throw WrongType($"{key}[{index}]", KindName<T>(), item));
    }

    /// <summary>
    /// A string that is stored, logged and shown: a database column has a length, and control characters (NUL
    /// above all, which PostgreSQL refuses) have no place in a name.
    /// </summary>
    private string? Bounded(string key, int maxLength)
    {
        var value = String(key);
        if (value is null)
        {
            return null;
        }

        if (value.Length > maxLength)
        {
            throw new MdmMessageFormatException($"has {value.Length} characters, more than the {maxLength} accepted", PathOf(key));
        }

        return value.Any(char.IsControl) ? throw new MdmMessageFormatException("contains a control character", PathOf(key)) : value;
    }

    private T? Read<T>(string key)
        where T : PlistValue
    {
        if (!dictionary.TryGetValue(key, out var value))
        {
            return null;
        }

        return value as T ?? throw WrongType(key, KindName<T>(), value);
    }

    private MdmMessageFormatException Missing(string key, string expected) =>
        new($"required key is missing, expected {expected}", PathOf(key));

    private MdmMessageFormatException WrongType(string key, string expected, PlistValue found) =>
        new($"expected {expected}, found {found.Kind.ToString().ToLowerInvariant()}", PathOf(key));

    private static string KindName<T>() => typeof(T).Name switch
    {
        nameof(PlistArray) => "an array",
        nameof(PlistInteger) => "an integer",
        nameof(PlistData) => "data",
        var name => $"a {name["Plist".Length..].ToLowerInvariant()}",
    };
}
