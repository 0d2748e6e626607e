namespace SaaSMdm.Rpc.Server;

public delegate Task<TResponse> UnaryServerMethod<in TRequest, TResponse>(TRequest request, ServerCallContext context);

public delegate Task ServerStreamingServerMethod<in TRequest, out TResponse>(
    TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context);
