using SaaSMdm.Apple.Plist;
using SaaSMdm.Apple.Schema;

namespace SaaSMdm.TestSupport.AppleSchema;

/// <summary>A place in a sample value that a test can break: its path, its key and how to replace or remove it.</summary>
public sealed record SampleSite(string Path, SchemaKey Key, Action<PlistValue> Replace, Action? Remove);

/// <summary>Finds places in samples built by <see cref="SchemaSamples"/> that exercise each kind of problem.</summary>
public static class SampleSites
{
    private const int MaxDepth = 8;

    /// <summary>Every key present in the sample, depth first, descending into dictionaries and single-form arrays.</summary>
    public static IEnumerable<SampleSite> Present(SchemaKeyList keys, PlistDictionary dictionary, string path, int depth = 0)
    {
        foreach (var key in keys.Where(key => !key.IsWildcard))
        {
            if (!dictionary.TryGetValue(key.Name, out var value))
            {
                continue;
            }

            var keyPath = Join(path, key.Name);
            yield return new SampleSite(keyPath, key, replacement => dictionary[key.Name] = replacement, () => dictionary.Remove(key.Name));
            foreach (var inner in Inside(key, value, keyPath, depth))
            {
                yield return inner;
            }
        }
    }

    /// <summary>
    /// The first key with a list of allowed values, adding optional keys (with their required content) on the
    /// way when the sample lacks them; null when the schema restricts no value reachable that way.
    /// </summary>
    public static SampleSite? Restricted(SchemaKeyList keys, PlistDictionary dictionary, string path, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        foreach (var key in keys.Where(key => !key.IsWildcard))
        {
            var added = !dictionary.ContainsKey(key.Name);
            if (added)
            {
                dictionary.Add(key.Name, SchemaSamples.Value(key, depth + 1));
            }

            var keyPath = Join(path, key.Name);
            var found = key.IsScalar && key.AllowedValues.Count > 0
                ? new SampleSite(keyPath, key, replacement => dictionary[key.Name] = replacement, null)
                : RestrictedInside(key, dictionary[key.Name], keyPath, depth);
            if (found is not null)
            {
                return found;
            }

            if (added)
            {
                dictionary.Remove(key.Name);
            }
        }

        return null;
    }

    /// <summary>A value of another type than <paramref name="key"/> states.</summary>
    public static PlistValue WrongType(SchemaKey key) => key.Type == SchemaValueType.String ? 12345 : "wrong type";

    /// <summary>A value of the key's type that its list does not allow, or null for lists of booleans.</summary>
    public static PlistValue? Disallowed(SchemaKey key) => key.Type switch
    {
        SchemaValueType.String => "NotAnAllowedValue",
        SchemaValueType.Integer => 987654321L,
        SchemaValueType.Real => 98765.4321,
        _ => null,
    };

    private static IEnumerable<SampleSite> Inside(SchemaKey key, PlistValue value, string path, int depth)
    {
        if (depth > MaxDepth)
        {
            return [];
        }

        return (key.Type, value) switch
        {
            (SchemaValueType.Dictionary, PlistDictionary dictionary) => Present(key.Subkeys, dictionary, path, depth + 1),
            (SchemaValueType.Array, PlistArray { Count: > 0 } array) when key.Subkeys.Count == 1 => ItemSites(key.Subkeys[0], array, path, depth),
            _ => [],
        };
    }

    private static IEnumerable<SampleSite> ItemSites(SchemaKey form, PlistArray array, string path, int depth)
    {
        var itemPath = path + "[0]";
        yield return new SampleSite(itemPath, form, replacement => array[0] = replacement, null);
        foreach (var inner in Inside(form, array[0], itemPath, depth + 1))
        {
            yield return inner;
        }
    }

    private static SampleSite? RestrictedInside(SchemaKey key, PlistValue value, string path, int depth) => (key.Type, value) switch
    {
        (SchemaValueType.Dictionary, PlistDictionary dictionary) when key.Subkeys.Count > 0 => Restricted(key.Subkeys, dictionary, path, depth + 1),
        (SchemaValueType.Array, PlistArray { Count: > 0 } array) when key.Subkeys.Count == 1 => RestrictedItem(key.Subkeys[0], array, path + "[0]", depth),
        _ => null,
    };

    private static SampleSite? RestrictedItem(SchemaKey form, PlistArray array, string path, int depth) =>
        form.IsScalar && form.AllowedValues.Count > 0
            ? new SampleSite(path, form, replacement => array[0] = replacement, null)
            : RestrictedInside(form, array[0], path, depth + 1);

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}
