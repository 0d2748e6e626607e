using Google.Protobuf;
using SaaSMdm.Rpc.Client;

namespace SaaSMdm.Rpc.Interceptors;

/// <summary>The call a client interceptor sees; change <see cref="Options"/> with <c>with</c> to alter it.</summary>
public readonly record struct ClientInterceptorContext<TRequest, TResponse>(Method<TRequest, TResponse> Method, CallOptions Options)
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>;

public delegate AsyncUnaryCall<TResponse> AsyncUnaryCallContinuation<TRequest, TResponse>(
    TRequest request, ClientInterceptorContext<TRequest, TResponse> context)
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>;

public delegate AsyncServerStreamingCall<TResponse> AsyncServerStreamingCallContinuation<TRequest, TResponse>(
    TRequest request, ClientInterceptorContext<TRequest, TResponse> context)
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>;
