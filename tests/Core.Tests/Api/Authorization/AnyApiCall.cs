using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Client;

namespace SaaSMdm.Core.Tests.Api.Authorization;

/// <summary>How a call ended: its status, the (first) response when there was one, and the trailers.</summary>
public sealed record ApiOutcome(StatusCode Code, string Detail, IMessage? Response, Metadata Trailers)
{
    public bool Refused => Code is StatusCode.Unauthenticated or StatusCode.PermissionDenied;

    public override string ToString() => $"{Code}: {Detail}";
}

/// <summary>
/// Calls any RPC of the contract from its descriptor, so a test can walk every method without knowing it. A
/// server-streaming call is read up to its first message or its end, within a short deadline.
/// </summary>
public static class AnyApiCall
{
    private static readonly TimeSpan UnaryDeadline = TimeSpan.FromSeconds(20);

    /// <summary>Long enough for a refusal or a first message; a live stream that sends nothing meanwhile ends DEADLINE_EXCEEDED.</summary>
    private static readonly TimeSpan StreamingDeadline = TimeSpan.FromSeconds(2);

    /// <summary>An empty request of <paramref name="method"/>, with <c>tenant_id</c> set when it has one.</summary>
    public static IMessage EmptyRequest(MethodDescriptor method, string? tenantId)
    {
        var request = (IMessage)Activator.CreateInstance(method.InputType.ClrType)!;
        if (tenantId is not null && method.InputType.FindFieldByName("tenant_id") is { } field)
        {
            field.Accessor.SetValue(request, tenantId);
        }

        return request;
    }

    /// <param name="authorization">The whole <c>authorization</c> header, or null to send none.</param>
    public static Task<ApiOutcome> CallAsync(GrpcChannel channel, MethodDescriptor method, IMessage request, string? authorization)
    {
        if (method.IsClientStreaming)
        {
            throw new NotSupportedException($"{method.FullName} streams requests; teach {nameof(AnyApiCall)} to call it.");
        }

        var headers = new Metadata();
        if (authorization is not null)
        {
            headers.Add(Rpc.Client.CallCredentials.AuthorizationHeader, authorization);
        }

        var call = typeof(AnyApiCall)
            .GetMethod(method.IsServerStreaming ? nameof(StreamingAsync) : nameof(UnaryAsync), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(method.InputType.ClrType, method.OutputType.ClrType);
        return (Task<ApiOutcome>)call.Invoke(null, [channel, method, request, headers])!;
    }

    public static string Bearer(string accessToken) => "Bearer " + accessToken;

    private static async Task<ApiOutcome> UnaryAsync<TRequest, TResponse>(GrpcChannel channel, MethodDescriptor method, IMessage request, Metadata headers)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var rpc = Method<TRequest, TResponse>.Create(method.Service, method.Name);
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(rpc, new CallOptions(headers).WithTimeout(UnaryDeadline), (TRequest)request);
        try
        {
            var response = await call.ResponseAsync;
            return new ApiOutcome(StatusCode.OK, "", response, call.GetTrailers());
        }
        catch (RpcException failed)
        {
            return new ApiOutcome(failed.StatusCode, failed.Status.Detail, null, failed.Trailers);
        }
    }

    private static async Task<ApiOutcome> StreamingAsync<TRequest, TResponse>(GrpcChannel channel, MethodDescriptor method, IMessage request, Metadata headers)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var rpc = Method<TRequest, TResponse>.Create(method.Service, method.Name);
        using var call = channel.CreateCallInvoker().AsyncServerStreamingCall(rpc, new CallOptions(headers).WithTimeout(StreamingDeadline), (TRequest)request);
        try
        {
            return await call.ResponseStream.MoveNext(CancellationToken.None)
                ? new ApiOutcome(StatusCode.OK, "", call.ResponseStream.Current, new Metadata())
                : new ApiOutcome(StatusCode.OK, "", null, call.GetTrailers());
        }
        catch (RpcException failed)
        {
            return new ApiOutcome(failed.StatusCode, failed.Status.Detail, null, failed.Trailers);
        }
    }
}
