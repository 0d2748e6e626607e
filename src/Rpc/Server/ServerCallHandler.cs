using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using SaaSMdm.Rpc.Interceptors;

namespace SaaSMdm.Rpc.Server;

/// <summary>
/// Serves one RPC: refuses what is not gRPC, reads the request message, runs the interceptors and the
/// handler, and ends the call with a status whatever happens.
/// </summary>
internal abstract class ServerCallHandler<TService, TRequest, TResponse>
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private readonly GrpcServiceOptions _options;
    private readonly ILogger _logger;
    private readonly InstanceActivator _service;
    private readonly InstanceActivator[] _interceptors;

    protected ServerCallHandler(Method<TRequest, TResponse> method, GrpcServiceOptions options, IServiceProvider rootServices, ILogger logger)
    {
        Method = method;
        _service = new InstanceActivator(typeof(TService), rootServices);
        _options = options;
        _logger = logger;
        _interceptors = options.Interceptors.Select(type => new InstanceActivator(type, rootServices)).ToArray();
    }

    protected Method<TRequest, TResponse> Method { get; }

    public async Task HandleCallAsync(HttpContext http)
    {
        if (await GrpcRequestValidation.RejectAsync(http).ConfigureAwait(false))
        {
            return;
        }

        // Message size limits guard memory; the body as a whole is a stream of messages, not one blob.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = null;
        }

        var call = new HttpServerCallContext(http, Method.FullName, _options, _logger);
        await using (call.ConfigureAwait(false))
        {
            var activations = new List<Activation>(_interceptors.Length);
            try
            {
                var request = await RequestReader.ReadSingleMessageAsync(http.Request.BodyReader, Method.RequestParser, call).ConfigureAwait(false);
                foreach (var interceptor in _interceptors)
                {
                    activations.Add(interceptor.Create(http.RequestServices));
                }

                await RunAsync(request, call, activations.Select(a => (Interceptor)a.Instance).ToArray()).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                await call.FailAsync(ex).ConfigureAwait(false);
            }
            finally
            {
                foreach (var activation in activations)
                {
                    await activation.ReleaseAsync().ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>Runs the handler behind <paramref name="interceptors"/> (outermost first) and completes the call.</summary>
    protected abstract Task RunAsync(TRequest request, HttpServerCallContext call, Interceptor[] interceptors);

    /// <summary>Calls the service instance for this call, releasing it afterwards if the call made it.</summary>
    protected async Task<TResult> WithServiceAsync<TResult>(ServerCallContext context, Func<TService, Task<TResult>> call)
    {
        var service = _service.Create(context.GetHttpContext().RequestServices);
        try
        {
            return await call((TService)service.Instance).ConfigureAwait(false);
        }
        finally
        {
            await service.ReleaseAsync().ConfigureAwait(false);
        }
    }
}
