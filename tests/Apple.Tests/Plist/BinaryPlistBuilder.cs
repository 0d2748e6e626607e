using System.Buffers.Binary;

namespace SaaSMdm.Apple.Tests.Plist;

/// <summary>
/// Assembles <c>bplist00</c> files from raw object encodings, with every trailer field overridable, so tests
/// can state exactly which part of a file is broken.
/// </summary>
internal sealed record BinaryPlistBuilder(params byte[][] Objects)
{
    public int OffsetSize { get; init; } = 1;

    public int ReferenceSize { get; init; } = 1;

    public ulong? ObjectCount { get; init; }

    public ulong TopObject { get; init; }

    public ulong? OffsetTableStart { get; init; }

    /// <summary>Replaces the computed offset of an object.</summary>
    public Func<int, long, long> Offset { get; init; } = (_, offset) => offset;

    public byte[] Build()
    {
        using var file = new MemoryStream();
        file.Write("bplist00"u8);
        var offsets = new List<long>();
        for (var index = 0; index < Objects.Length; index++)
        {
            offsets.Add(Offset(index, file.Position));
            file.Write(Objects[index]);
        }

        var tableStart = file.Position;
        foreach (var offset in offsets)
        {
            file.Write(BigEndian((ulong)offset, OffsetSize));
        }

        file.Write([0, 0, 0, 0, 0, 0, (byte)OffsetSize, (byte)ReferenceSize]);
        file.Write(BigEndian(ObjectCount ?? (ulong)Objects.Length, 8));
        file.Write(BigEndian(TopObject, 8));
        file.Write(BigEndian(OffsetTableStart ?? (ulong)tableStart, 8));
        return file.ToArray();
    }

    public static byte[] BigEndian(ulong value, int size)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        return bytes[(8 - size)..];
    }
}
