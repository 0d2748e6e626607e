namespace SaaSMdm.Apple.Schema;

/// <summary>A schema file is not valid YAML or does not follow Apple's meta-schema (<c>docs/schema.yaml</c>).</summary>
public sealed class SchemaFormatException : FormatException
{
    public SchemaFormatException(string path, long? line, string reason, Exception? innerException = null)
        : base(line is { } l ? $"Schema file '{path}' line {l}: {reason}" : $"Schema file '{path}': {reason}", innerException)
    {
        Path = path;
        Line = line;
        Reason = reason;
    }

    public string Path { get; }

    /// <summary>1-based line of the offending node, when known.</summary>
    public long? Line { get; }

    public string Reason { get; }
}
