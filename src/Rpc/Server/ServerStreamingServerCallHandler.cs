using Google.Protobuf;
using Microsoft.Extensions.Logging;
using SaaSMdm.Rpc.Interceptors;

namespace SaaSMdm.Rpc.Server;

internal sealed class ServerStreamingServerCallHandler<TService, TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> invoker,
    GrpcServiceOptions options,
    IServiceProvider rootServices,
    ILogger logger)
    : ServerCallHandler<TService, TRequest, TResponse>(method, options, rootServices, logger)
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    protected override async Task RunAsync(TRequest request, HttpServerCallContext call, Interceptor[] interceptors)
    {
        ServerStreamingServerMethod<TRequest, TResponse> pipeline = InvokeServiceAsync;
        for (var i = interceptors.Length - 1; i >= 0; i--)
        {
            var interceptor = interceptors[i];
            var next = pipeline;
            pipeline = (r, s, c) => interceptor.ServerStreamingServerHandler(r, s, c, next);
        }

        await pipeline(request, new HttpServerStreamWriter<TResponse>(call), call).ConfigureAwait(false);
        await call.CompleteAsync().ConfigureAwait(false);
    }

    private Task InvokeServiceAsync(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context) =>
        WithServiceAsync(context, async service =>
        {
            await invoker(service, request, responseStream, context).ConfigureAwait(false);
            return true;
        });
}
