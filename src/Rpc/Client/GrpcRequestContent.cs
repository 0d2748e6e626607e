using System.Buffers;
using System.Net;
using Google.Protobuf;
using SaaSMdm.Rpc.Protocol;

namespace SaaSMdm.Rpc.Client;

/// <summary>The request body: one framed message, written in a single buffer.</summary>
internal sealed class GrpcRequestContent : HttpContent
{
    private readonly IMessage _message;
    private readonly int _size;
    private readonly bool _compress;

    public GrpcRequestContent(IMessage message, int size, bool compress)
    {
        _message = message;
        _size = size;
        _compress = compress;
        Headers.TryAddWithoutValidation("Content-Type", GrpcProtocol.ContentType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (_compress)
        {
            var writer = new ArrayBufferWriter<byte>(_size + GrpcProtocol.FrameHeaderSize);
            MessageFraming.Write(writer, _message, compress: true, maxMessageSize: null);
            await stream.WriteAsync(writer.WrittenMemory, cancellationToken).ConfigureAwait(false);
            return;
        }

        var length = _size + GrpcProtocol.FrameHeaderSize;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            buffer[0] = 0;
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(1), (uint)_size);
            _message.WriteTo(buffer.AsSpan(GrpcProtocol.FrameHeaderSize, _size));
            await stream.WriteAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _size + GrpcProtocol.FrameHeaderSize;
        return !_compress;
    }
}
