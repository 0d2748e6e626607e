using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace SaaSMdm.Apple.Plist;

/// <summary>
/// String-keyed values in insertion order with O(1) lookup. Equality ignores key order.
/// Typed getters throw <see cref="PlistTypeException"/> for a missing key or another type; the <c>TryGet</c>
/// forms return false only for a missing key and still throw for another type, because a wrongly typed
/// value from a device is a protocol error that must not pass as "absent".
/// </summary>
public sealed class PlistDictionary : PlistValue, IReadOnlyDictionary<string, PlistValue>, IEquatable<PlistDictionary>
{
    private readonly OrderedDictionary<string, PlistValue> _entries;

    public PlistDictionary() => _entries = new OrderedDictionary<string, PlistValue>(StringComparer.Ordinal);

    internal PlistDictionary(int capacity) => _entries = new OrderedDictionary<string, PlistValue>(capacity, StringComparer.Ordinal);

    public override PlistValueKind Kind => PlistValueKind.Dictionary;

    public int Count => _entries.Count;

    public IEnumerable<string> Keys => _entries.Keys;

    public IEnumerable<PlistValue> Values => _entries.Values;

    /// <summary>Gets a value (a missing key throws <see cref="PlistTypeException"/>) or sets one, replacing any existing value in place.</summary>
    public PlistValue this[string key]
    {
        get => Get<PlistValue>(key);
        set => Set(key, value);
    }

    /// <summary>Adds a new key; throws <see cref="ArgumentException"/> if the key exists. Returns this dictionary for chaining.</summary>
    public PlistDictionary Add(string key, PlistValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        _entries.Add(key, value);
        return this;
    }

    /// <summary>Adds or replaces a key, keeping the position of a replaced key. Returns this dictionary for chaining.</summary>
    public PlistDictionary Set(string key, PlistValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        _entries[key] = value;
        return this;
    }

    public bool Remove(string key) => _entries.Remove(key);

    /// <summary>Used by readers, which report duplicates as format errors rather than argument errors.</summary>
    internal bool TryAdd(string key, PlistValue value) => _entries.TryAdd(key, value);

    public bool ContainsKey(string key) => _entries.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out PlistValue value) => _entries.TryGetValue(key, out value);

    /// <summary>The value under <paramref name="key"/> as <typeparamref name="T"/>, or a <see cref="PlistTypeException"/>.</summary>
    public T Get<T>(string key)
        where T : PlistValue =>
        TryGet<T>(key, out var value) ? value : throw new PlistTypeException(key, PlistKinds.Of<T>(), null);

    /// <summary>False when the key is missing; throws <see cref="PlistTypeException"/> when it holds another type.</summary>
    public bool TryGet<T>(string key, [NotNullWhen(true)] out T? value)
        where T : PlistValue
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!_entries.TryGetValue(key, out var found))
        {
            value = null;
            return false;
        }

        value = found as T ?? throw new PlistTypeException(key, PlistKinds.Of<T>(), found.Kind);
        return true;
    }

    public string GetString(string key) => Get<PlistString>(key).Value;

    public long GetInteger(string key) => Get<PlistInteger>(key).Value;

    public double GetReal(string key) => Get<PlistReal>(key).Value;

    public bool GetBoolean(string key) => Get<PlistBoolean>(key).Value;

    public DateTimeOffset GetDate(string key) => Get<PlistDate>(key).Value;

    public ReadOnlyMemory<byte> GetData(string key) => Get<PlistData>(key).Value;

    public PlistDictionary GetDictionary(string key) => Get<PlistDictionary>(key);

    public PlistArray GetArray(string key) => Get<PlistArray>(key);

    public bool TryGetString(string key, [NotNullWhen(true)] out string? value)
    {
        var found = TryGet<PlistString>(key, out var typed);
        value = typed?.Value;
        return found;
    }

    public bool TryGetInteger(string key, out long value)
    {
        var found = TryGet<PlistInteger>(key, out var typed);
        value = typed?.Value ?? 0;
        return found;
    }

    public bool TryGetReal(string key, out double value)
    {
        var found = TryGet<PlistReal>(key, out var typed);
        value = typed?.Value ?? 0;
        return found;
    }

    public bool TryGetBoolean(string key, out bool value)
    {
        var found = TryGet<PlistBoolean>(key, out var typed);
        value = typed?.Value ?? false;
        return found;
    }

    public bool TryGetDate(string key, out DateTimeOffset value)
    {
        var found = TryGet<PlistDate>(key, out var typed);
        value = typed?.Value ?? default;
        return found;
    }

    public bool TryGetData(string key, out ReadOnlyMemory<byte> value)
    {
        var found = TryGet<PlistData>(key, out var typed);
        value = typed?.Value ?? default;
        return found;
    }

    public bool TryGetDictionary(string key, [NotNullWhen(true)] out PlistDictionary? value) => TryGet(key, out value);

    public bool TryGetArray(string key, [NotNullWhen(true)] out PlistArray? value) => TryGet(key, out value);

    public OrderedDictionary<string, PlistValue>.Enumerator GetEnumerator() => _entries.GetEnumerator();

    IEnumerator<KeyValuePair<string, PlistValue>> IEnumerable<KeyValuePair<string, PlistValue>>.GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _entries.GetEnumerator();

    public override bool Equals(PlistValue? other) => Equals(other as PlistDictionary);

    public bool Equals(PlistDictionary? other)
    {
        if (other is not { } dictionary || dictionary.Count != Count)
        {
            return false;
        }

        foreach (var (key, value) in _entries)
        {
            if (!dictionary._entries.TryGetValue(key, out var otherValue) || !value.Equals(otherValue))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Order-independent, to agree with <see cref="Equals(PlistValue?)"/>.</summary>
    public override int GetHashCode()
    {
        var sum = 0;
        foreach (var (key, value) in _entries)
        {
            sum = unchecked(sum + HashCode.Combine(StringComparer.Ordinal.GetHashCode(key), value));
        }

        return HashCode.Combine(Count, sum);
    }

    internal override void AppendText(StringBuilder text)
    {
        text.Append('{');
        var first = true;
        foreach (var (key, value) in _entries)
        {
            if (!first)
            {
                text.Append(", ");
            }

            first = false;
            PlistText.AppendQuoted(text, key);
            text.Append(": ");
            value.AppendText(text);
        }

        text.Append('}');
    }
}
