namespace SaaSMdm.Apple.Plist;

/// <summary>
/// Shares one string instance per distinct short dictionary key within a read. MDM documents repeat the
/// same few keys thousands of times, so this removes most key allocations.
/// </summary>
internal sealed class PlistKeyCache
{
    /// <summary>Keys longer than this are rare and not worth a lookup.</summary>
    public const int MaxCachedLength = 64;

    private const int MaxEntries = 4096;

    private readonly HashSet<string> _keys;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public PlistKeyCache()
    {
        _keys = new HashSet<string>(StringComparer.Ordinal);
        _lookup = _keys.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Intern(ReadOnlySpan<char> key)
    {
        if (_lookup.TryGetValue(key, out var known))
        {
            return known;
        }

        var created = new string(key);
        if (_keys.Count < MaxEntries)
        {
            _keys.Add(created);
        }

        return created;
    }
}
