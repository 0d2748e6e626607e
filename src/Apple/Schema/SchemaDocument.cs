namespace SaaSMdm.Apple.Schema;

/// <summary>One file of Apple's schema: what it describes, where it applies and its keys.</summary>
public sealed record SchemaDocument(
    string Path,
    SchemaKind Kind,
    string TypeName,
    string Title,
    string? Description,
    IReadOnlyDictionary<string, SchemaOsSupport> SupportedOS,
    string? Apply,
    SchemaKeyList PayloadKeys,
    SchemaKeyList ResponseKeys)
{
    public override string ToString() => $"{Kind} {TypeName} ({Path})";
}
