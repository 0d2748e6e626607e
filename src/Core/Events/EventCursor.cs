using System.Buffers.Text;
using System.Globalization;
using System.Text;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Events;

/// <summary>An event's position as callers see it: opaque, so they neither build nor do arithmetic on cursors.</summary>
public static class EventCursor
{
    private const string Prefix = "ev1.";

    public static string Of(long sequence) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(Prefix + sequence.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The sequence after which to read; 0 (before every event) for an empty cursor.</summary>
    /// <exception cref="InvalidArgumentException">not a cursor <see cref="Of"/> made.</exception>
    public static long Read(string? cursor, string field)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return 0;
        }

        try
        {
            var text = cursor.Length <= 64 ? Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor)) : "";
            if (text.StartsWith(Prefix, StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                return sequence;
            }
        }
        catch (FormatException)
        {
        }

        throw new InvalidArgumentException($"{field} is not a cursor this API issued.");
    }
}
