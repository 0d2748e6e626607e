using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Rpc.Interceptors;

/// <summary>
/// Logs each served call with its method, caller, outcome and duration as structured fields:
/// successes at Debug (hot paths stay quiet), failures at Information, so a status is never silent.
/// </summary>
public sealed partial class CallLoggingInterceptor(ILogger<CallLoggingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await continuation(request, context).ConfigureAwait(false);
            LogSucceeded(logger, context.Method, context.Peer, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception ex)
        {
            LogFailed(ex, context, started);
            throw;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
            LogSucceeded(logger, context.Method, context.Peer, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex)
        {
            LogFailed(ex, context, started);
            throw;
        }
    }

    private void LogFailed(Exception ex, ServerCallContext context, long started)
    {
        var code = ex is RpcException rpc ? rpc.StatusCode : StatusCode.Internal;
        LogEnded(logger, context.Method, context.Peer, code, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "gRPC {Method} from {Peer} OK in {ElapsedMs:0.0} ms")]
    private static partial void LogSucceeded(ILogger logger, string method, string peer, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "gRPC {Method} from {Peer} ended {StatusCode} in {ElapsedMs:0.0} ms")]
    private static partial void LogEnded(ILogger logger, string method, string peer, StatusCode statusCode, double elapsedMs);
}
