using SaaSMdm.Apple.Ddm;

namespace SaaSMdm.Core.Declarations;

/// <summary>A declaration an enrollment's sets reach but that is not sent to it, and why.</summary>
public sealed record ExcludedDeclaration(string Identifier, string Type, string Reason);

/// <summary>What one enrollment channel gets: the union of its sets plus the built-ins, minus what it cannot take.</summary>
public sealed record EnrollmentDeclarations(Guid EnrollmentId, IReadOnlyList<Declaration> Declarations, IReadOnlyList<ExcludedDeclaration> Excluded)
{
    private DeclarationItemsResponse? _items;

    /// <summary>The declaration-items manifest, with the DeclarationsToken over it.</summary>
    public DeclarationItemsResponse Items => _items ??= DeclarationItemsResponse.From(Declarations);

    public string DeclarationsToken => Items.DeclarationsToken;

    public Declaration? Find(DeclarationCategory category, string identifier) =>
        Declarations.FirstOrDefault(d => d.Category == category && string.Equals(d.Identifier, identifier, StringComparison.Ordinal));
}
