using System.Buffers.Text;
using System.Text;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Tenants;

/// <summary>
/// Opaque paging cursors: the sort key of the last item of a page, base64url-encoded, so callers
/// cannot build them and a page never shifts when rows are added before it.
/// </summary>
public static class PageToken
{
    public static string Create(string lastKey) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastKey));

    /// <exception cref="InvalidArgumentException">the token was not made by <see cref="Create"/>.</exception>
    public static string? Read(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            throw NotIssued();
        }
    }

    /// <summary>The id (the last item's) a token of <see cref="Create"/> carries; null for the first page.</summary>
    /// <exception cref="InvalidArgumentException">the token was not made by <see cref="Create"/> from an id.</exception>
    public static Guid? ReadId(string? token) =>
        Read(token) is not { } value ? null
        : Guid.TryParse(value, out var id) ? id
        : throw NotIssued();

    public static InvalidArgumentException NotIssued() => new("page_token is not a token this API issued.");

    /// <summary>The page size to use: 0 means <paramref name="defaultSize"/>, larger than <paramref name="maxSize"/> is capped.</summary>
    public static int Size(int requested, int defaultSize = 100, int maxSize = 1000) => requested switch
    {
        < 0 => throw new InvalidArgumentException("page_size must not be negative."),
        0 => defaultSize,
        _ => Math.Min(requested, maxSize),
    };
}
