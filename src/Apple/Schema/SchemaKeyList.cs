using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace SaaSMdm.Apple.Schema;

/// <summary>
/// An ordered list of keys with lookup by name. The reader creates a list before filling it, because a key
/// inside it may refer back to the very same list; it is sealed before anyone else sees it.
/// </summary>
public sealed class SchemaKeyList : IReadOnlyList<SchemaKey>
{
    private readonly List<SchemaKey> _keys = [];
    private Dictionary<string, SchemaKey> _byName = new(StringComparer.Ordinal);

    internal SchemaKeyList()
    {
    }

    public static SchemaKeyList Empty { get; } = new();

    /// <summary>The keys of all lists in order; where names repeat, the first list's key wins.</summary>
    internal static SchemaKeyList Combine(params SchemaKeyList[] lists)
    {
        var combined = new SchemaKeyList();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in lists.SelectMany(list => list))
        {
            if (names.Add(key.Name))
            {
                combined.Add(key);
            }
        }

        combined.Seal();
        return combined;
    }

    public int Count => _keys.Count;

    /// <summary>The key describing every unlisted key (see <see cref="SchemaKey.IsWildcard"/>), if there is one.</summary>
    public SchemaKey? Wildcard { get; private set; }

    public SchemaKey this[int index] => _keys[index];

    /// <summary>Finds a key listed by name; wildcard keys are never found by name.</summary>
    public bool TryFind(string name, [NotNullWhen(true)] out SchemaKey? key) => _byName.TryGetValue(name, out key);

    public IEnumerator<SchemaKey> GetEnumerator() => _keys.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Add(SchemaKey key) => _keys.Add(key);

    internal void Seal()
    {
        var byName = new Dictionary<string, SchemaKey>(StringComparer.Ordinal);
        foreach (var key in _keys)
        {
            if (key.IsWildcard)
            {
                Wildcard ??= key;
            }
            else
            {
                byName.TryAdd(key.Name, key);
            }
        }

        _byName = byName;
    }
}
