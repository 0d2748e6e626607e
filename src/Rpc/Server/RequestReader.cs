using System.IO.Pipelines;
using Google.Protobuf;
using SaaSMdm.Rpc.Protocol;

namespace SaaSMdm.Rpc.Server;

/// <summary>Reads the single request message of a unary or server-streaming call straight from the request pipe.</summary>
internal static class RequestReader
{
    public static async Task<TRequest> ReadSingleMessageAsync<TRequest>(PipeReader reader, MessageParser<TRequest> parser, HttpServerCallContext call)
        where TRequest : IMessage<TRequest>
    {
        var token = call.CancellationToken;
        while (true)
        {
            var result = await reader.ReadAsync(token).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (MessageFraming.TryReadHeader(buffer, call.MaxReceiveMessageSize, out var header)
                && buffer.Length >= GrpcProtocol.FrameHeaderSize + header.Length)
            {
                var payload = buffer.Slice(GrpcProtocol.FrameHeaderSize, header.Length);
                TRequest message;
                try
                {
                    message = MessagePayload.Parse(parser, payload, header.Compressed, call.RequestEncoding, call.MaxReceiveMessageSize, "request");
                }
                finally
                {
                    reader.AdvanceTo(payload.End);
                }

                await EnsureEndOfRequestAsync(reader, token).ConfigureAwait(false);
                return message;
            }

            if (result.IsCompleted)
            {
                reader.AdvanceTo(buffer.End);
                throw new RpcException(new Status(StatusCode.Internal,
                    buffer.IsEmpty ? "Request did not include a message." : "Incomplete request message."));
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static async Task EnsureEndOfRequestAsync(PipeReader reader, CancellationToken token)
    {
        while (true)
        {
            var result = await reader.ReadAsync(token).ConfigureAwait(false);
            var empty = result.Buffer.IsEmpty;
            reader.AdvanceTo(result.Buffer.End);
            if (!empty)
            {
                throw new RpcException(new Status(StatusCode.Internal, "Additional data after the request message; this call takes one message."));
            }

            if (result.IsCompleted)
            {
                return;
            }
        }
    }
}
