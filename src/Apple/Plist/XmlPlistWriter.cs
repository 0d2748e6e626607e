using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace SaaSMdm.Apple.Plist;

/// <summary>
/// Writes Apple's XML plist format (declaration, DOCTYPE, tab indentation) straight into UTF-8 output.
/// Carriage returns are written as <c>&amp;#13;</c> so they survive XML's line-break normalisation;
/// characters XML 1.0 cannot carry are refused with <see cref="ArgumentException"/>.
/// </summary>
internal sealed class XmlPlistWriter(IBufferWriter<byte> output)
{
    private static readonly SearchValues<char> CharactersNeedingAttention = SearchValues.Create(
        "&<>\r\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public void Write(PlistValue root)
    {
        ArgumentNullException.ThrowIfNull(root);
        output.Write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
            <plist version="1.0">

            """u8);
        WriteValue(root, 0);
        output.Write("</plist>\n"u8);
    }

    private void WriteValue(PlistValue value, int depth)
    {
        WriteIndent(depth);
        switch (value)
        {
            case PlistDictionary dictionary:
                WriteDictionary(dictionary, depth);
                break;
            case PlistArray array:
                WriteArray(array, depth);
                break;
            case PlistString text:
                output.Write("<string>"u8);
                WriteEscaped(text.Value);
                output.Write("</string>\n"u8);
                break;
            case PlistInteger integer:
                WriteScalar("<integer>"u8, integer.Value, default, "</integer>\n"u8);
                break;
            case PlistReal real:
                WriteReal(real.Value);
                break;
            case PlistBoolean boolean:
                output.Write(boolean.Value ? "<true/>\n"u8 : "<false/>\n"u8);
                break;
            case PlistDate date:
                WriteScalar("<date>"u8, date.Value, "yyyy-MM-dd'T'HH:mm:ss'Z'", "</date>\n"u8);
                break;
            case PlistData data:
                WriteData(data.Value.Span);
                break;
        }
    }

    private void WriteDictionary(PlistDictionary dictionary, int depth)
    {
        if (dictionary.Count == 0)
        {
            output.Write("<dict/>\n"u8);
            return;
        }

        PlistWriterDepth.Check(depth + 1);
        output.Write("<dict>\n"u8);
        foreach (var (key, value) in dictionary)
        {
            WriteIndent(depth + 1);
            output.Write("<key>"u8);
            WriteEscaped(key);
            output.Write("</key>\n"u8);
            WriteValue(value, depth + 1);
        }

        WriteIndent(depth);
        output.Write("</dict>\n"u8);
    }

    private void WriteArray(PlistArray array, int depth)
    {
        if (array.Count == 0)
        {
            output.Write("<array/>\n"u8);
            return;
        }

        PlistWriterDepth.Check(depth + 1);
        output.Write("<array>\n"u8);
        foreach (var item in array)
        {
            WriteValue(item, depth + 1);
        }

        WriteIndent(depth);
        output.Write("</array>\n"u8);
    }

    /// <summary>NaN and the infinities use CoreFoundation's spellings, which plistlib also reads.</summary>
    private void WriteReal(double value)
    {
        output.Write("<real>"u8);
        if (double.IsNaN(value))
        {
            output.Write("nan"u8);
        }
        else if (double.IsInfinity(value))
        {
            output.Write(value > 0 ? "+infinity"u8 : "-infinity"u8);
        }
        else
        {
            WriteFormatted(value, "R");
        }

        output.Write("</real>\n"u8);
    }

    private void WriteScalar<T>(ReadOnlySpan<byte> open, T value, string? format, ReadOnlySpan<byte> close)
        where T : IUtf8SpanFormattable
    {
        output.Write(open);
        WriteFormatted(value, format);
        output.Write(close);
    }

    private void WriteFormatted<T>(T value, string? format)
        where T : IUtf8SpanFormattable
    {
        var span = output.GetSpan(64);
        if (!value.TryFormat(span, out var written, format, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"{typeof(T).Name} did not fit its formatting buffer.");
        }

        output.Advance(written);
    }

    private void WriteData(ReadOnlySpan<byte> bytes)
    {
        output.Write("<data>"u8);
        var span = output.GetSpan(Base64.GetMaxEncodedToUtf8Length(bytes.Length));
        Base64.EncodeToUtf8(bytes, span, out _, out var written);
        output.Advance(written);
        output.Write("</data>\n"u8);
    }

    private void WriteEscaped(ReadOnlySpan<char> text)
    {
        var original = text;
        while (true)
        {
            var special = text.IndexOfAny(CharactersNeedingAttention);
            WriteUtf8(special < 0 ? text : text[..special], original);
            if (special < 0)
            {
                return;
            }

            output.Write(text[special] switch
            {
                '&' => "&amp;"u8,
                '<' => "&lt;"u8,
                '>' => "&gt;"u8,
                '\r' => "&#13;"u8,
                _ => throw new ArgumentException(
                    $"U+{(int)text[special]:X4} cannot be written to an XML plist (XML 1.0 forbids it) in string \"{Truncate(original)}\"."),
            });
            text = text[(special + 1)..];
        }
    }

    private void WriteUtf8(ReadOnlySpan<char> text, ReadOnlySpan<char> original)
    {
        if (text.IsEmpty)
        {
            return;
        }

        try
        {
            var span = output.GetSpan(StrictUtf8.GetMaxByteCount(text.Length));
            output.Advance(StrictUtf8.GetBytes(text, span));
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException($"an unpaired surrogate cannot be written to an XML plist in string \"{Truncate(original)}\".", e);
        }
    }

    private void WriteIndent(int depth)
    {
        var span = output.GetSpan(depth);
        span[..depth].Fill((byte)'\t');
        output.Advance(depth);
    }

    private static string Truncate(ReadOnlySpan<char> text) =>
        text.Length > 40 ? string.Concat(text[..40], "…") : text.ToString();
}
