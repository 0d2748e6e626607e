using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using Google.Protobuf;

namespace SaaSMdm.Rpc.Protocol;

/// <summary>
/// Length-prefixed messages: a compressed flag byte, a 4-byte big-endian length, then the
/// serialized (optionally gzip-compressed) protobuf message.
/// </summary>
public static class MessageFraming
{
    /// <summary>Writes one framed message; the size limit applies to the serialized message.</summary>
    /// <exception cref="RpcException">RESOURCE_EXHAUSTED when the message is larger than <paramref name="maxMessageSize"/>.</exception>
    public static void Write(IBufferWriter<byte> writer, IMessage message, bool compress, int? maxMessageSize)
    {
        var size = message.CalculateSize();
        if (size > maxMessageSize)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"Sending message exceeds the maximum configured message size ({size} > {maxMessageSize} bytes)."));
        }

        if (!compress)
        {
            WriteHeader(writer, compressed: false, size);
            message.WriteTo(writer);
            return;
        }

        var serialized = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            message.WriteTo(serialized.AsSpan(0, size));
            var compressed = Gzip(serialized.AsSpan(0, size));
            WriteHeader(writer, compressed: true, compressed.Length);
            writer.Write(compressed);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(serialized);
        }
    }

    public static void WriteHeader(IBufferWriter<byte> writer, bool compressed, int length)
    {
        var header = writer.GetSpan(GrpcProtocol.FrameHeaderSize);
        header[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)length);
        writer.Advance(GrpcProtocol.FrameHeaderSize);
    }

    /// <summary>Reads a frame header; returns false when fewer than five bytes are there.</summary>
    /// <exception cref="RpcException">INTERNAL for a bad flag, RESOURCE_EXHAUSTED for a length over the limit.</exception>
    public static bool TryReadHeader(in ReadOnlySequence<byte> buffer, int? maxMessageSize, out FrameHeader header)
    {
        header = default;
        if (buffer.Length < GrpcProtocol.FrameHeaderSize)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[GrpcProtocol.FrameHeaderSize];
        buffer.Slice(0, GrpcProtocol.FrameHeaderSize).CopyTo(bytes);
        header = ParseHeader(bytes, maxMessageSize);
        return true;
    }

    public static FrameHeader ParseHeader(ReadOnlySpan<byte> bytes, int? maxMessageSize)
    {
        var flag = bytes[0];
        if (flag > 1)
        {
            throw new RpcException(new Status(StatusCode.Internal, $"Unexpected compressed flag value {flag} in a message frame."));
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(bytes[1..]);
        if (length > (uint)(maxMessageSize ?? int.MaxValue))
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"Received message exceeds the maximum configured message size ({length} > {maxMessageSize} bytes)."));
        }

        return new FrameHeader(flag == 1, (int)length);
    }

    /// <summary>Undoes gzip, refusing output beyond the limit so a small bomb cannot fill memory.</summary>
    public static byte[] Gunzip(ReadOnlySequence<byte> compressed, int? maxMessageSize)
    {
        var limit = maxMessageSize ?? int.MaxValue;
        using var input = new MemoryStream(compressed.ToArray());
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = ReadOrFail(gzip, chunk)) > 0)
            {
                if (output.Length + read > limit)
                {
                    throw new RpcException(new Status(StatusCode.ResourceExhausted,
                        $"Decompressed message exceeds the maximum configured message size ({limit} bytes)."));
                }

                output.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return output.ToArray();
    }

    private static int ReadOrFail(Stream gzip, byte[] chunk)
    {
        try
        {
            return gzip.Read(chunk, 0, chunk.Length);
        }
        catch (InvalidDataException ex)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Failed to decompress a gzip message: " + ex.Message));
        }
    }

    private static byte[] Gzip(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}

/// <summary>The five bytes in front of every message.</summary>
public readonly record struct FrameHeader(bool Compressed, int Length);
