namespace SaaSMdm.Portal.Settings;

/// <summary>Links within a paged settings list: they keep the page, so a confirmation finds its target on it.</summary>
public static class SettingsLinks
{
    /// <param name="path">The list page.</param>
    /// <param name="pageToken">The list's page token; null or empty for the first page.</param>
    /// <param name="action">The query key of the action to confirm, e.g. "revoke"; null for the plain list.</param>
    /// <param name="id">The id the action is about.</param>
    public static string Page(string path, string? pageToken, string? action = null, string? id = null)
    {
        var query = new List<string>();
        if (pageToken is { Length: > 0 })
        {
            query.Add("page=" + Uri.EscapeDataString(pageToken));
        }

        if (action is not null)
        {
            query.Add(action + "=" + Uri.EscapeDataString(id ?? ""));
        }

        return query.Count == 0 ? path : path + "?" + string.Join("&", query);
    }
}
