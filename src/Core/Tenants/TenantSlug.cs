using SaaSMdm.Contracts;

namespace SaaSMdm.Core.Tenants;

/// <summary>
/// The rules for a new tenant's slug: the shared format (it appears in every device URL, /t/{slug}/,
/// so it needs no escaping anywhere) and a few words kept back for the system.
/// </summary>
public static class TenantSlug
{
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

        if (slug.Length is < TenantSlugFormat.MinLength or > TenantSlugFormat.MaxLength)
        {
            return $"slug must be {TenantSlugFormat.MinLength} to {TenantSlugFormat.MaxLength} characters long.";
        }

        if (!TenantSlugFormat.IsWellFormed(slug))
        {
            return "slug may contain only a-z, 0-9 and '-', must start with a letter and must not end with '-'.";
        }

        return Reserved.Contains(slug) ? $"slug '{slug}' is reserved." : null;
    }
}
