namespace SaaSMdm.Apple.Plist;

/// <summary>Bounds writer recursion, which also turns a tree that contains itself into an error instead of a stack overflow.</summary>
internal static class PlistWriterDepth
{
    public static void Check(int depth)
    {
        if (depth > PlistReaderOptions.MaxSupportedDepth)
        {
            throw new ArgumentException(
                $"containers are nested deeper than {PlistReaderOptions.MaxSupportedDepth}; a tree that contains itself cannot be written.");
        }
    }
}
