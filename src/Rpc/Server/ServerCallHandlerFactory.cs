using System.Reflection;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SaaSMdm.Rpc.Server;

/// <summary>Builds the typed request delegate of a bound method; message types are known only from the descriptor.</summary>
internal static class ServerCallHandlerFactory
{
    public static RequestDelegate Create<TService>(BoundMethod bound, GrpcServiceOptions options, IServiceProvider services, ILogger logger)
        where TService : class
    {
        var name = bound.Type == MethodType.Unary ? nameof(CreateUnary) : nameof(CreateServerStreaming);
        var factory = typeof(ServerCallHandlerFactory)
            .GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(typeof(TService), bound.Descriptor.InputType.ClrType, bound.Descriptor.OutputType.ClrType);
        return (RequestDelegate)factory.Invoke(null, [bound, options, services, logger])!;
    }

    private static RequestDelegate CreateUnary<TService, TRequest, TResponse>(
        BoundMethod bound, GrpcServiceOptions options, IServiceProvider services, ILogger logger)
        where TService : class
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var method = Method<TRequest, TResponse>.Create(bound.Descriptor.Service, bound.Descriptor.Name);
        var invoker = bound.Implementation.CreateDelegate<Func<TService, TRequest, ServerCallContext, Task<TResponse>>>();
        return new UnaryServerCallHandler<TService, TRequest, TResponse>(method, invoker, options, services, logger).HandleCallAsync;
    }

    private static RequestDelegate CreateServerStreaming<TService, TRequest, TResponse>(
        BoundMethod bound, GrpcServiceOptions options, IServiceProvider services, ILogger logger)
        where TService : class
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var method = Method<TRequest, TResponse>.Create(bound.Descriptor.Service, bound.Descriptor.Name);
        var invoker = bound.Implementation.CreateDelegate<Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task>>();
        return new ServerStreamingServerCallHandler<TService, TRequest, TResponse>(method, invoker, options, services, logger).HandleCallAsync;
    }
}
