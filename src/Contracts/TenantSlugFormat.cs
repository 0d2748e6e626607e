using System.Text.RegularExpressions;

namespace SaaSMdm.Contracts;

/// <summary>
/// The shape of a tenant slug, shared by Core (which assigns slugs) and Edge (which refuses malformed
/// ones in device URLs before asking Core): 3 to 63 characters of a-z, 0-9 and '-', starting with a
/// letter and not ending with '-'.
/// </summary>
public static partial class TenantSlugFormat
{
    public const int MinLength = 3;
    public const int MaxLength = 63;

    public static bool IsWellFormed(string? slug) => slug is { Length: >= MinLength and <= MaxLength } && Pattern().IsMatch(slug);

    [GeneratedRegex("^[a-z][a-z0-9-]*[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
