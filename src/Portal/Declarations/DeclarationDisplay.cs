namespace SaaSMdm.Portal.DeclarationForms;

/// <summary>How the declaration pages show tokens and links.</summary>
public static class DeclarationDisplay
{
    /// <summary>Enough of a server token to tell two versions apart.</summary>
    public static string ShortToken(string token) => token.Length <= 8 ? token : token[..8];

    public static string EditPath(string identifier) => "declarations/edit?id=" + Uri.EscapeDataString(identifier);
}
