using Google.Protobuf;

namespace SaaSMdm.Rpc.Server;

internal sealed class HttpServerStreamWriter<TResponse>(HttpServerCallContext call) : IServerStreamWriter<TResponse>
    where TResponse : IMessage<TResponse>
{
    public Task WriteAsync(TResponse message) => WriteAsync(message, call.CancellationToken);

    public Task WriteAsync(TResponse message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return call.WriteMessageAsync(message, cancellationToken);
    }
}
