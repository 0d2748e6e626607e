using System.Buffers;
using System.Text;

namespace SaaSMdm.Apple.Push;

/// <summary>
/// Writes the push body <c>{"mdm":"&lt;PushMagic&gt;"}</c> straight into one exactly sized array; a serializer
/// would cost more allocations than the whole body.
/// </summary>
internal static class MdmPayload
{
    private static readonly SearchValues<char> NeedsEscape = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");

    private static ReadOnlySpan<byte> Prefix => "{\"mdm\":\""u8;

    private static ReadOnlySpan<byte> Suffix => "\"}"u8;

    private static ReadOnlySpan<byte> HexDigits => "0123456789abcdef"u8;

    /// <param name="pushMagic">Well-formed UTF-16, as <see cref="MdmPush"/> guarantees.</param>
    public static byte[] Encode(string pushMagic)
    {
        var body = new byte[Prefix.Length + EscapedLength(pushMagic) + Suffix.Length];
        Prefix.CopyTo(body);
        var written = Prefix.Length;
        var rest = pushMagic.AsSpan();
        while (!rest.IsEmpty)
        {
            var plain = rest.IndexOfAny(NeedsEscape);
            var run = plain < 0 ? rest : rest[..plain];
            written += Encoding.UTF8.GetBytes(run, body.AsSpan(written));
            rest = rest[run.Length..];
            if (!rest.IsEmpty)
            {
                written += WriteEscaped(rest[0], body.AsSpan(written));
                rest = rest[1..];
            }
        }

        Suffix.CopyTo(body.AsSpan(written));
        return body;
    }

    private static int EscapedLength(ReadOnlySpan<char> text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        foreach (var c in text)
        {
            length += c switch
            {
                '"' or '\\' => 1,
                < ' ' => 5,
                _ => 0,
            };
        }

        return length;
    }

    private static int WriteEscaped(char c, Span<byte> destination)
    {
        destination[0] = (byte)'\\';
        if (c is '"' or '\\')
        {
            destination[1] = (byte)c;
            return 2;
        }

        "u00"u8.CopyTo(destination[1..]);
        destination[4] = HexDigits[c >> 4];
        destination[5] = HexDigits[c & 0xF];
        return 6;
    }
}
