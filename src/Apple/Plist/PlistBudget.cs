namespace SaaSMdm.Apple.Plist;

/// <summary>Enforces the depth and object-count limits of one read.</summary>
internal sealed class PlistBudget(PlistReaderOptions options)
{
    private int _values;

    public void CountValue(long position)
    {
        if (++_values > options.MaxObjects)
        {
            throw new PlistFormatException($"more than {options.MaxObjects} values (MaxObjects)", position);
        }
    }

    /// <summary>Fails before allocating a container whose declared size alone would pass the limit.</summary>
    public void CheckRemaining(int count, long position)
    {
        if (count > options.MaxObjects - _values)
        {
            throw new PlistFormatException($"container declares {count} items, more than MaxObjects ({options.MaxObjects}) allows", position);
        }
    }

    /// <summary>Checks a container at <paramref name="depth"/>, where the root container has depth 1.</summary>
    public void CheckDepth(int depth, long position)
    {
        if (depth > options.MaxDepth)
        {
            throw new PlistFormatException($"containers nested deeper than {options.MaxDepth} (MaxDepth)", position);
        }
    }
}
