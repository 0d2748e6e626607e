using SaaSMdm.Core.Tenants;

namespace SaaSMdm.Core.Api.Declarations;

/// <summary>
/// Keyset paging over a key unique in the tenant (a declaration identifier, a set or group name): the page token
/// is the last key of the page, so a page never shifts when rows are added before it.
/// </summary>
public static class NamePage
{
    /// <summary>The key after which the page starts; null for the first page.</summary>
    public static string? After(string pageToken) => PageToken.Read(pageToken);

    /// <summary>The page (at most <paramref name="size"/> of the <paramref name="size"/> + 1 rows read) and the next token.</summary>
    public static (List<T> Page, string NextPageToken) Split<T>(List<T> rows, int size, Func<T, string> key) =>
        rows.Count > size ? (rows.Take(size).ToList(), PageToken.Create(key(rows[size - 1]))) : (rows, "");
}
