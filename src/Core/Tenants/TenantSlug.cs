using System.Text.RegularExpressions;

namespace SaaSMdm.Core.Tenants;

/// <summary>
/// The rules for a tenant's slug. It appears in every device URL (/t/{slug}/), so it is plain
/// lower-case ASCII that needs no escaping anywhere, and a few words are kept back for the system.
/// </summary>
public static partial class TenantSlug
{
    public const int MinLength = 3;
    public const int MaxLength = 63;

    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "admin", "api", "app", "apple", "edge", "core", "portal", "system", "www", "static", "assets", "health", "well-known",
    };

    /// <summary>Why <paramref name="slug"/> is not acceptable, or null when it is.</summary>
    public static string? Validate(string? slug)
    {
        if (string.IsNullOrEmpty(slug))
        {
            return "slug is required.";
        }

        if (slug.Length is < MinLength or > MaxLength)
        {
            return $"slug must be {MinLength} to {MaxLength} characters long.";
        }

        if (!Pattern().IsMatch(slug))
        {
            return "slug may contain only a-z, 0-9 and '-', must start with a letter and must not end with '-'.";
        }

        return Reserved.Contains(slug) ? $"slug '{slug}' is reserved." : null;
    }

    /// <summary>True when <paramref name="slug"/> could name a tenant; cheap enough to run before any lookup.</summary>
    public static bool IsWellFormed(string? slug) => slug is { Length: >= MinLength and <= MaxLength } && Pattern().IsMatch(slug);

    [GeneratedRegex("^[a-z][a-z0-9-]*[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
