using System.Globalization;
using SaaSMdm.Core.Tenants;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Api;

/// <summary>
/// Page tokens of lists ordered by a time, then by a key unique among equal times: the last item's time and key, so
/// the next page is a keyset query that costs the same however deep it is.
/// </summary>
public static class TimeKeyPageToken
{
    public static string Create(DateTime time, string key) => PageToken.Create(time.Ticks.ToString(CultureInfo.InvariantCulture) + "|" + key);

    /// <summary>The time and key of the last item before the page; null for the first page.</summary>
    /// <exception cref="InvalidArgumentException">the token was not made by <see cref="Create"/>.</exception>
    public static (DateTime Time, string Key)? Read(string token)
    {
        if (PageToken.Read(token) is not { } value)
        {
            return null;
        }

        var separator = value.IndexOf('|', StringComparison.Ordinal);
        return separator > 0
            && long.TryParse(value.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTime.MaxValue.Ticks
            ? (new DateTime(ticks, DateTimeKind.Utc), value[(separator + 1)..])
            : throw PageToken.NotIssued();
    }
}
