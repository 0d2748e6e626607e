using System.Buffers;

namespace SaaSMdm.Apple.Plist;

/// <summary>
/// Reads property lists, detecting binary (<c>bplist00</c>) or XML (UTF-8 or UTF-16) by their first bytes.
/// All problems, including broken <see cref="PlistReaderOptions"/> limits, throw <see cref="PlistFormatException"/>.
/// Duplicate dictionary keys are refused: parsers disagree on which copy wins, and a document that one
/// component reads differently from another is a way to smuggle values past checks.
/// </summary>
public static class PlistReader
{
    private const int StreamChunkBytes = 16 * 1024;

    public static PlistValue Read(ReadOnlySpan<byte> input, PlistReaderOptions? options = null)
    {
        options ??= PlistReaderOptions.Default;
        if (input.Length > options.MaxInputBytes)
        {
            throw TooLarge(options);
        }

        if (input.IsEmpty)
        {
            throw new PlistFormatException("input is empty", 0);
        }

        if (input.StartsWith("bplist00"u8))
        {
            return BinaryPlistReader.Read(input, options);
        }

        return input.StartsWith("bplist"u8)
            ? throw new PlistFormatException("unsupported binary plist version; only bplist00 is read", 6)
            : XmlPlistReader.Read(input, options);
    }

    public static PlistValue Read(ReadOnlyMemory<byte> input, PlistReaderOptions? options = null) => Read(input.Span, options);

    /// <summary>Reads a whole stream (such as a request body), failing as soon as it passes <see cref="PlistReaderOptions.MaxInputBytes"/>.</summary>
    public static async ValueTask<PlistValue> ReadAsync(Stream input, PlistReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= PlistReaderOptions.Default;
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize(input, options));
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    buffer = Grow(buffer, options);
                }

                var read = await input.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > options.MaxInputBytes)
                {
                    throw TooLarge(options);
                }
            }

            return Read(buffer.AsSpan(0, length), options);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>One byte past the limit is enough room to notice that the limit was passed.</summary>
    private static int InitialBufferSize(Stream input, PlistReaderOptions options)
    {
        var ceiling = (long)options.MaxInputBytes + 1;
        var expected = input.CanSeek ? Math.Max(input.Length - input.Position, 0) + 1 : StreamChunkBytes;
        return (int)Math.Clamp(expected, 1, ceiling);
    }

    private static byte[] Grow(byte[] buffer, PlistReaderOptions options)
    {
        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, (long)options.MaxInputBytes + 1));
        buffer.CopyTo(larger, 0);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    private static PlistFormatException TooLarge(PlistReaderOptions options) =>
        new($"input is larger than MaxInputBytes ({options.MaxInputBytes} bytes)", options.MaxInputBytes);
}
