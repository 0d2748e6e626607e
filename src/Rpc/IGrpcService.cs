using Google.Protobuf.Reflection;

namespace SaaSMdm.Rpc;

/// <summary>
/// A class that serves one proto service. Its public methods are bound to the service's RPCs by
/// name and checked against <see cref="Descriptor"/>: unary methods look like
/// <c>Task&lt;TResponse&gt; Name(TRequest, ServerCallContext)</c>, server-streaming ones like
/// <c>Task Name(TRequest, IServerStreamWriter&lt;TResponse&gt;, ServerCallContext)</c>.
/// </summary>
public interface IGrpcService
{
    static abstract ServiceDescriptor Descriptor { get; }
}
