namespace SaaSMdm.Apple.Plist;

/// <summary>Limits that keep a hostile property list from exhausting memory, time or stack.</summary>
public sealed class PlistReaderOptions
{
    /// <summary>The deepest nesting any reader or writer accepts; bounds recursion so it cannot overflow the stack.</summary>
    public const int MaxSupportedDepth = 512;

    public static PlistReaderOptions Default { get; } = new();

    /// <summary>How many containers may enclose one another, the root counting as one. Default 64.</summary>
    public int MaxDepth
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxSupportedDepth);
            field = value;
        }
    } = 64;

    /// <summary>The largest input accepted, in bytes; streams stop being read once it is passed. Default 16 MiB.</summary>
    public int MaxInputBytes
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    } = 16 * 1024 * 1024;

    /// <summary>
    /// How many values (containers and scalars) a document may produce. Binary plists may reference one object
    /// from many places, so this bounds the expanded tree, not the stored objects. Default 1,000,000.
    /// </summary>
    public int MaxObjects
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    } = 1_000_000;
}
