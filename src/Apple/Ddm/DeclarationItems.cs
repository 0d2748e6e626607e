namespace SaaSMdm.Apple.Ddm;

/// <summary>One entry of the declaration-items manifest.</summary>
public sealed record DeclarationItem(string Identifier, string ServerToken);

/// <summary>The declarations assigned to an enrollment, by category. All four lists are always sent, even empty.</summary>
public sealed record DeclarationItemsManifest(
    IReadOnlyList<DeclarationItem> Activations,
    IReadOnlyList<DeclarationItem> Configurations,
    IReadOnlyList<DeclarationItem> Assets,
    IReadOnlyList<DeclarationItem> Management)
{
    public IEnumerable<DeclarationItem> AllItems() => Activations.Concat(Configurations).Concat(Assets).Concat(Management);
}

/// <summary>The reply to the <c>declaration-items</c> endpoint.</summary>
public sealed record DeclarationItemsResponse(DeclarationItemsManifest Declarations, string DeclarationsToken)
{
    /// <summary>
    /// The manifest for a set of declarations, each list sorted by identifier, with the DeclarationsToken the
    /// tokens response must carry too.
    /// </summary>
    public static DeclarationItemsResponse From(IEnumerable<Declaration> declarations)
    {
        ArgumentNullException.ThrowIfNull(declarations);
        var byCategory = declarations.ToLookup(declaration => declaration.Category);
        IReadOnlyList<DeclarationItem> Items(DeclarationCategory category) =>
            byCategory[category].Select(declaration => declaration.Item).OrderBy(item => item.Identifier, StringComparer.Ordinal).ToArray();

        var manifest = new DeclarationItemsManifest(
            Items(DeclarationCategory.Activation),
            Items(DeclarationCategory.Configuration),
            Items(DeclarationCategory.Asset),
            Items(DeclarationCategory.Management));
        return new DeclarationItemsResponse(manifest, DeclarationTokens.DeclarationsToken(manifest.AllItems()));
    }

    public byte[] ToJson() => DdmJson.Serialize(this, DdmJsonContext.Default.DeclarationItemsResponse);

    /// <exception cref="DdmFormatException">The JSON is not a declaration-items response.</exception>
    public static DeclarationItemsResponse Parse(ReadOnlySpan<byte> json) => DdmJson.Parse(json, DdmJsonContext.Default.DeclarationItemsResponse);
}
