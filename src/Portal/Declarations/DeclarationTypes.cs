using SaaSMdm.Apple.Schema;

namespace SaaSMdm.Portal.DeclarationForms;

/// <summary>The declaration types of Apple's schema, and the form of each.</summary>
public static class DeclarationTypes
{
    private static readonly Lazy<IReadOnlyList<SchemaDocument>> Sorted = new(() =>
        AppleSchemaCatalog.Default.OfKind(SchemaKind.Declaration).OrderBy(document => document.TypeName, StringComparer.Ordinal).ToList());

    public static IReadOnlyList<SchemaDocument> All => Sorted.Value;

    public static SchemaDocument? Find(string? type) => type is { Length: > 0 } ? AppleSchemaCatalog.Default.FindDeclaration(type) : null;

    /// <summary>The part after <c>com.apple.</c> that says what kind of declaration it is.</summary>
    public static string Category(string type) => type.Split('.') is [_, _, var category, ..] ? category : "";
}
