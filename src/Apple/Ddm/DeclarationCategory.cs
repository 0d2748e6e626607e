namespace SaaSMdm.Apple.Ddm;

/// <summary>The four kinds of declarations, named by the third part of their type (<c>com.apple.configuration.…</c>).</summary>
public enum DeclarationCategory
{
    Activation,
    Asset,
    Configuration,
    Management,
}

public static class DeclarationCategories
{
    /// <summary>The category of a declaration type such as <c>com.apple.configuration.passcode.settings</c>.</summary>
    /// <exception cref="DdmFormatException">The type does not name one of the four categories.</exception>
    public static DeclarationCategory FromType(string declarationType)
    {
        ArgumentNullException.ThrowIfNull(declarationType);
        var parts = declarationType.Split('.');
        return parts.Length > 3 && TryParse(parts[2], out var category)
            ? category
            : throw new DdmFormatException($"Declaration type '{declarationType}' does not name a category (activation, asset, configuration, management).");
    }

    /// <summary>The name used in types and endpoint paths: <c>activation</c>, <c>asset</c>, <c>configuration</c>, <c>management</c>.</summary>
    public static string PathName(this DeclarationCategory category) => category switch
    {
        DeclarationCategory.Activation => "activation",
        DeclarationCategory.Asset => "asset",
        DeclarationCategory.Configuration => "configuration",
        DeclarationCategory.Management => "management",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    public static bool TryParse(string pathName, out DeclarationCategory category)
    {
        foreach (var candidate in Enum.GetValues<DeclarationCategory>())
        {
            if (string.Equals(candidate.PathName(), pathName, StringComparison.Ordinal))
            {
                category = candidate;
                return true;
            }
        }

        category = default;
        return false;
    }
}
