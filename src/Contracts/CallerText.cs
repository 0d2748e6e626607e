namespace SaaSMdm.Contracts;

/// <summary>
/// Text a caller sent, or an error built from it, made safe to echo back in an error: bounded so an error cannot be
/// made arbitrarily large, and without control characters, which could forge log lines or break a client's display.
/// </summary>
public static class CallerText
{
    /// <summary>For a value quoted inside a message, such as an id that did not parse.</summary>
    public const int MaxQuoteLength = 64;

    /// <summary>For a whole reason passed on, such as why a device's message was refused.</summary>
    public const int MaxReasonLength = 200;

    /// <summary>
    /// The first <paramref name="maxLength"/> characters of <paramref name="text"/>, control characters as spaces,
    /// with "…" when anything was cut; a surrogate pair is never split.
    /// </summary>
    public static string Shorten(string text, int maxLength = MaxQuoteLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        var cut = text.Length > maxLength;
        var length = cut && char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : Math.Min(text.Length, maxLength);
        var printable = string.Create(length, text, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        });
        return cut ? printable + "…" : printable;
    }
}
