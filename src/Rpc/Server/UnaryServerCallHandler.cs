using Google.Protobuf;
using Microsoft.Extensions.Logging;
using SaaSMdm.Rpc.Interceptors;

namespace SaaSMdm.Rpc.Server;

internal sealed class UnaryServerCallHandler<TService, TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    Func<TService, TRequest, ServerCallContext, Task<TResponse>> invoker,
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
        UnaryServerMethod<TRequest, TResponse> pipeline = InvokeServiceAsync;
        for (var i = interceptors.Length - 1; i >= 0; i--)
        {
            var interceptor = interceptors[i];
            var next = pipeline;
            pipeline = (r, c) => interceptor.UnaryServerHandler(r, c, next);
        }

        var response = await pipeline(request, call).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The handler of {Method.FullName} returned no message.");
        await call.CompleteWithMessageAsync(response).ConfigureAwait(false);
    }

    private Task<TResponse> InvokeServiceAsync(TRequest request, ServerCallContext context) =>
        WithServiceAsync(context, service => invoker(service, request, context));
}
