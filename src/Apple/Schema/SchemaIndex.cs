namespace SaaSMdm.Apple.Schema;

/// <summary>The catalog's lookups, built once from the loaded documents.</summary>
internal sealed class SchemaIndex
{
    private readonly Dictionary<(SchemaKind, string), SchemaDocument[]> _byType;
    private readonly Dictionary<SchemaKind, SchemaDocument[]> _byKind;
    private readonly Dictionary<string, SchemaDocument> _byPath;

    public SchemaIndex(IReadOnlyList<SchemaDocument> documents)
    {
        Documents = documents;
        _byType = documents.GroupBy(document => (document.Kind, document.TypeName)).ToDictionary(group => group.Key, group => group.ToArray());
        _byKind = documents.GroupBy(document => document.Kind).ToDictionary(group => group.Key, group => group.ToArray());
        _byPath = documents.ToDictionary(document => document.Path, StringComparer.Ordinal);
    }

    public IReadOnlyList<SchemaDocument> Documents { get; }

    public IReadOnlyList<SchemaDocument> OfKind(SchemaKind kind) => _byKind.GetValueOrDefault(kind) ?? [];

    public IReadOnlyList<SchemaDocument> Find(SchemaKind kind, string typeName) => _byType.GetValueOrDefault((kind, typeName)) ?? [];

    public SchemaDocument? FindByPath(string path) => _byPath.GetValueOrDefault(path);
}
