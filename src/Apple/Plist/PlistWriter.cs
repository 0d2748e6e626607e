using System.Buffers;

namespace SaaSMdm.Apple.Plist;

/// <summary>
/// Writes property lists as Apple-style XML or as <c>bplist00</c>. Values that a format cannot carry (a
/// character XML 1.0 forbids, an unpaired surrogate, a tree nested past
/// <see cref="PlistReaderOptions.MaxSupportedDepth"/>) throw <see cref="ArgumentException"/>. XML dates
/// carry whole seconds; fractions are dropped as Apple does.
/// </summary>
public static class PlistWriter
{
    public static byte[] WriteXml(PlistValue value) => WriteToArray(value, WriteXml);

    public static byte[] WriteBinary(PlistValue value) => WriteToArray(value, WriteBinary);

    public static void WriteXml(PlistValue value, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        new XmlPlistWriter(output).Write(value);
    }

    public static void WriteBinary(PlistValue value, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        new BinaryPlistWriter(output).Write(value);
    }

    /// <summary>Encodes into pooled memory, then writes asynchronously (servers forbid synchronous stream writes).</summary>
    public static Task WriteXmlAsync(PlistValue value, Stream output, CancellationToken cancellationToken = default) =>
        WriteToStreamAsync(value, output, WriteXml, cancellationToken);

    /// <inheritdoc cref="WriteXmlAsync"/>
    public static Task WriteBinaryAsync(PlistValue value, Stream output, CancellationToken cancellationToken = default) =>
        WriteToStreamAsync(value, output, WriteBinary, cancellationToken);

    private static byte[] WriteToArray(PlistValue value, Action<PlistValue, IBufferWriter<byte>> write)
    {
        using var buffer = new PooledBufferWriter();
        write(value, buffer);
        return buffer.WrittenMemory.ToArray();
    }

    private static async Task WriteToStreamAsync(
        PlistValue value, Stream output, Action<PlistValue, IBufferWriter<byte>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new PooledBufferWriter();
        write(value, buffer);
        await output.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }
}
