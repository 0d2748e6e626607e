using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace SaaSMdm.Apple.Plist;

/// <summary>Parses the text of XML scalar elements (integer, real, date, data) the way Apple and plistlib write them.</summary>
internal static class XmlPlistScalars
{
    private static readonly SearchValues<byte> HexDigits = SearchValues.Create("0123456789abcdefABCDEF"u8);

    private static readonly SearchValues<byte> Whitespace = SearchValues.Create(" \t\r\n"u8);

    private static readonly SearchValues<byte> DecimalNumberBytes = SearchValues.Create("0123456789+-.eE"u8);

    public static long ParseInteger(ReadOnlySpan<byte> text, long position)
    {
        var trimmed = Trim(text);
        var unsigned = trimmed is [(byte)'+' or (byte)'-', ..] ? trimmed[1..] : trimmed;
        if (unsigned.Length > 2 && unsigned[0] == '0' && (unsigned[1] | 0x20) == 'x' && unsigned.Length == trimmed.Length)
        {
            return ParseHexInteger(unsigned[2..], trimmed, position);
        }

        if (unsigned.IsEmpty || unsigned.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            throw new PlistFormatException($"<integer> holds '{Preview(text)}', not a decimal or 0x-prefixed integer", position);
        }

        return long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw OutOfRange(trimmed, position);
    }

    public static double ParseReal(ReadOnlySpan<byte> text, long position)
    {
        var trimmed = Trim(text);
        if (SpecialReal(trimmed) is { } special)
        {
            return special;
        }

        return !trimmed.IsEmpty
            && !trimmed.ContainsAnyExcept(DecimalNumberBytes)
            && double.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new PlistFormatException($"<real> holds '{Preview(text)}', not a number", position);
    }

    /// <summary>Parses <c>yyyy-MM-ddTHH:mm:ssZ</c>, the only form Apple writes.</summary>
    public static DateTimeOffset ParseDate(ReadOnlySpan<byte> text, long position)
    {
        var t = Trim(text);
        if (t.Length != 20 || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' || t[16] != ':' || t[19] != 'Z'
            || !TryDigits(t[..4], out var year) || !TryDigits(t.Slice(5, 2), out var month) || !TryDigits(t.Slice(8, 2), out var day)
            || !TryDigits(t.Slice(11, 2), out var hour) || !TryDigits(t.Slice(14, 2), out var minute) || !TryDigits(t.Slice(17, 2), out var second))
        {
            throw new PlistFormatException($"<date> holds '{Preview(text)}', expected yyyy-MM-ddTHH:mm:ssZ", position);
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            throw new PlistFormatException($"<date> holds '{Preview(text)}', which is not a valid date and time", position);
        }

        return new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
    }

    /// <summary>Decodes padded base64, ignoring the whitespace and line breaks that writers insert.</summary>
    public static byte[] ParseData(ReadOnlySpan<byte> text, long position)
    {
        if (text.IndexOfAny(Whitespace) < 0)
        {
            return DecodeBase64(text, position);
        }

        var compact = ArrayPool<byte>.Shared.Rent(text.Length);
        try
        {
            var length = 0;
            foreach (var b in text)
            {
                if (!Whitespace.Contains(b))
                {
                    compact[length++] = b;
                }
            }

            return DecodeBase64(compact.AsSpan(0, length), position);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(compact);
        }
    }

    public static string Preview(ReadOnlySpan<byte> text)
    {
        const int limit = 40;
        var shown = Encoding.UTF8.GetString(text[..Math.Min(text.Length, limit)]);
        return text.Length > limit ? shown + "…" : shown;
    }

    private static long ParseHexInteger(ReadOnlySpan<byte> digits, ReadOnlySpan<byte> whole, long position)
    {
        if (digits.ContainsAnyExcept(HexDigits))
        {
            throw new PlistFormatException($"<integer> holds '{Preview(whole)}', not a hexadecimal integer", position);
        }

        return ulong.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) && value <= long.MaxValue
            ? (long)value
            : throw OutOfRange(whole, position);
    }

    private static byte[] DecodeBase64(ReadOnlySpan<byte> base64, long position)
    {
        var padding = base64.EndsWith("=="u8) ? 2 : base64.EndsWith("="u8) ? 1 : 0;
        var bytes = new byte[Math.Max(0, (base64.Length / 4 * 3) - padding)];
        var status = Base64.DecodeFromUtf8(base64, bytes, out var consumed, out var written);
        return base64.Length % 4 == 0 && status == OperationStatus.Done && consumed == base64.Length && written == bytes.Length
            ? bytes
            : throw new PlistFormatException("<data> is not valid base64", position);
    }

    private static PlistFormatException OutOfRange(ReadOnlySpan<byte> text, long position) =>
        new($"<integer> {Preview(text)} is outside the signed 64-bit range", position);

    /// <summary>The spellings of NaN and infinity that CoreFoundation and plistlib write.</summary>
    private static double? SpecialReal(ReadOnlySpan<byte> text)
    {
        var unsigned = text is [(byte)'+' or (byte)'-', ..] ? text[1..] : text;
        var negative = text is [(byte)'-', ..];
        if (Ascii.EqualsIgnoreCase(unsigned, "nan"u8))
        {
            return double.NaN;
        }

        if (Ascii.EqualsIgnoreCase(unsigned, "inf"u8) || Ascii.EqualsIgnoreCase(unsigned, "infinity"u8))
        {
            return negative ? double.NegativeInfinity : double.PositiveInfinity;
        }

        return null;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> text) => text.Trim(" \t\r\n"u8);
}
