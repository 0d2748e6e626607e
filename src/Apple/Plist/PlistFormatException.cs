namespace SaaSMdm.Apple.Plist;

/// <summary>The input is not a well-formed property list or breaks a <see cref="PlistReaderOptions"/> limit.</summary>
public sealed class PlistFormatException : FormatException
{
    public PlistFormatException(string reason, long position, int? line = null, int? column = null)
        : base(Describe(reason, position, line, column))
    {
        Reason = reason;
        Position = position;
        Line = line;
        Column = column;
    }

    /// <summary>The problem, without the location.</summary>
    public string Reason { get; }

    /// <summary>Byte offset into the input where the problem was found. For UTF-16 XML it is an offset into the UTF-8 transcoding.</summary>
    public long Position { get; }

    /// <summary>1-based line for XML input.</summary>
    public int? Line { get; }

    /// <summary>1-based column in bytes for XML input.</summary>
    public int? Column { get; }

    private static string Describe(string reason, long position, int? line, int? column) =>
        line is { } l && column is { } c
            ? $"Malformed property list at byte {position} (line {l}, column {c}): {reason}"
            : $"Malformed property list at byte {position}: {reason}";
}
