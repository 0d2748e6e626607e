using System.Buffers;
using Google.Protobuf;

namespace SaaSMdm.Rpc.Protocol;

/// <summary>Turns a frame's payload into a message, undoing gzip when the frame says so.</summary>
public static class MessagePayload
{
    /// <param name="direction">"request" or "response", for error messages.</param>
    /// <exception cref="RpcException">INTERNAL for a payload that cannot be read, RESOURCE_EXHAUSTED for one too large once decompressed.</exception>
    public static T Parse<T>(MessageParser<T> parser, ReadOnlySequence<byte> payload, bool compressed, string? encoding, int? maxMessageSize, string direction)
        where T : IMessage<T>
    {
        if (compressed)
        {
            if (!string.Equals(encoding, GrpcProtocol.GzipEncoding, StringComparison.OrdinalIgnoreCase))
            {
                throw new RpcException(new Status(StatusCode.Internal,
                    $"The {direction} message is marked compressed but its grpc-encoding is '{encoding ?? "identity"}'."));
            }

            payload = new ReadOnlySequence<byte>(MessageFraming.Gunzip(payload, maxMessageSize));
        }

        try
        {
            return parser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException)
        {
            throw new RpcException(new Status(StatusCode.Internal, $"Failed to deserialize {direction} message."));
        }
    }
}
