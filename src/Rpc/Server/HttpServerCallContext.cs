using System.Globalization;
using System.Net;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using SaaSMdm.Rpc.Protocol;

namespace SaaSMdm.Rpc.Server;

/// <summary>
/// A call served over one HTTP/2 request. Owns the response: headers, framed messages and the final
/// status, written under one lock so that a deadline firing mid-handler cannot interleave with it.
/// </summary>
internal sealed partial class HttpServerCallContext : ServerCallContext, IAsyncDisposable
{
    private readonly HttpContext _http;
    private readonly GrpcServiceOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource? _deadlineCts;
    private readonly CancellationTokenSource? _callCts;
    private readonly CancellationTokenRegistration _deadlineRegistration;
    private Metadata? _requestHeaders;
    private Metadata? _responseTrailers;
    private Dictionary<object, object>? _userState;
    private Task? _deadlineTask;
    private bool _completed;
    private bool _messageWritten;
    private volatile bool _deadlineExceeded;

    public HttpServerCallContext(HttpContext http, string method, GrpcServiceOptions options, ILogger logger)
    {
        _http = http;
        _options = options;
        _logger = logger;
        Method = method;
        RequestEncoding = http.Request.Headers[GrpcProtocol.EncodingHeader].ToString() is { Length: > 0 } encoding ? encoding : null;
        CompressResponses = options.CompressResponses
            && http.Request.Headers[GrpcProtocol.AcceptEncodingHeader].ToString().Contains(GrpcProtocol.GzipEncoding, StringComparison.OrdinalIgnoreCase);

        if (GrpcTimeout.TryParse(http.Request.Headers[GrpcProtocol.TimeoutHeader], out var timeout))
        {
            Deadline = timeout >= DateTime.MaxValue - DateTime.UtcNow ? DateTime.MaxValue : DateTime.UtcNow + timeout;
            _deadlineCts = new CancellationTokenSource(timeout);
            _callCts = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
            _deadlineRegistration = _deadlineCts.Token.Register(static state => ((HttpServerCallContext)state!).OnDeadline(), this);
            CancellationToken = _callCts.Token;
        }
        else
        {
            Deadline = DateTime.MaxValue;
            CancellationToken = http.RequestAborted;
        }
    }

    public override string Method { get; }

    public override string Host => _http.Request.Host.Value ?? "";

    public override string Peer => _http.Connection.RemoteIpAddress is { } address
        ? address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? $"ipv6:[{address}]:{_http.Connection.RemotePort}"
            : $"ipv4:{address}:{_http.Connection.RemotePort}"
        : "unknown";

    public override DateTime Deadline { get; }

    public override Metadata RequestHeaders => _requestHeaders ??= ReadRequestHeaders();

    public override CancellationToken CancellationToken { get; }

    public override Metadata ResponseTrailers => _responseTrailers ??= new Metadata();

    public override Status Status { get; set; } = Status.DefaultSuccess;

    public override IDictionary<object, object> UserState => _userState ??= [];

    public string? RequestEncoding { get; }

    public int? MaxReceiveMessageSize => _options.MaxReceiveMessageSize;

    private bool CompressResponses { get; }

    public override HttpContext GetHttpContext() => _http;

    public override async Task WriteResponseHeadersAsync(Metadata responseHeaders)
    {
        await _writeLock.WaitAsync(CancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfCompleted();
            if (_http.Response.HasStarted)
            {
                throw new InvalidOperationException("Response headers can only be sent once per call.");
            }

            PrepareResponseHeaders();
            foreach (var entry in responseHeaders)
            {
                if (!GrpcProtocol.IsReservedHeader(entry.Key))
                {
                    _http.Response.Headers.Append(entry.Key, entry.Value);
                }
            }

            await _http.Response.StartAsync(CancellationToken).ConfigureAwait(false);
            await _http.Response.BodyWriter.FlushAsync(CancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Writes one message of a streaming response and sends it at once.</summary>
    public async Task WriteMessageAsync(IMessage message, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfCompleted();
            WriteFrame(message);
            await _http.Response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Ends a unary call: the message and an OK status leave together when the request ends.</summary>
    public async Task CompleteWithMessageAsync(IMessage message)
    {
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_completed)
            {
                return;
            }

            WriteFrame(message);
            WriteStatus(Status);
            _completed = true;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Ends a call with <see cref="Status"/> (streaming calls after their last message).</summary>
    public Task CompleteAsync() => CompleteWithStatusAsync(Status);

    /// <summary>Ends the call with the status that <paramref name="exception"/> stands for.</summary>
    public Task FailAsync(Exception exception) => CompleteWithStatusAsync(StatusFor(exception));

    public async ValueTask DisposeAsync()
    {
        _deadlineRegistration.Dispose();
        if (_deadlineTask is { } deadlineTask)
        {
            await deadlineTask.ConfigureAwait(false);
        }

        _deadlineCts?.Dispose();
        _callCts?.Dispose();
        _writeLock.Dispose();
    }

    private async Task CompleteWithStatusAsync(Status status)
    {
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_completed)
            {
                return;
            }

            if (!_http.RequestAborted.IsCancellationRequested)
            {
                WriteStatus(status);
            }

            _completed = true;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private Status StatusFor(Exception exception)
    {
        switch (exception)
        {
            case RpcException rpc:
                foreach (var entry in rpc.Trailers)
                {
                    ResponseTrailers.Add(entry);
                }

                LogRpcStatus(_logger, Method, rpc.StatusCode, rpc.Status.Detail);
                return rpc.Status;
            case OperationCanceledException or IOException when _deadlineExceeded:
                return new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
            case OperationCanceledException or IOException or Microsoft.AspNetCore.Connections.ConnectionAbortedException when _http.RequestAborted.IsCancellationRequested:
                LogClientCancelled(_logger, Method);
                return new Status(StatusCode.Cancelled, "Call canceled by the client.");
            default:
                LogHandlerFailed(_logger, Method, exception);
                var detail = "Exception was thrown by handler.";
                return new Status(StatusCode.Internal,
                    _options.EnableDetailedErrors ? $"{detail} {exception.GetType().Name}: {exception.Message}" : detail);
        }
    }

    private void OnDeadline()
    {
        _deadlineExceeded = true;
        _callCts!.Cancel();
        _deadlineTask = Task.Run(async () =>
        {
            await CompleteWithStatusAsync(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded")).ConfigureAwait(false);
            try
            {
                // Send the status now rather than when the handler finally returns: the caller stopped waiting.
                await _http.Response.CompleteAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException)
            {
                LogClientCancelled(_logger, Method);
            }
        });
    }

    private void WriteFrame(IMessage message)
    {
        PrepareResponseHeaders();
        MessageFraming.Write(_http.Response.BodyWriter, message, CompressResponses, _options.MaxSendMessageSize);
        _messageWritten = true;
    }

    private void PrepareResponseHeaders()
    {
        var response = _http.Response;
        if (response.HasStarted || response.ContentType == GrpcProtocol.ContentType)
        {
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GrpcProtocol.ContentType;
        response.Headers[GrpcProtocol.AcceptEncodingHeader] = GrpcProtocol.SupportedEncodings;
        if (CompressResponses)
        {
            response.Headers[GrpcProtocol.EncodingHeader] = GrpcProtocol.GzipEncoding;
        }
    }

    /// <summary>Before anything was sent this is a trailers-only response: the status rides in the headers.</summary>
    private void WriteStatus(Status status)
    {
        var response = _http.Response;
        // Kestrel buffers an unflushed message without starting the response, so HasStarted alone cannot tell.
        if (!response.HasStarted && !_messageWritten)
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = GrpcProtocol.ContentType;
            AddStatus(status, (name, value) => response.Headers.Append(name, value));
        }
        else
        {
            AddStatus(status, (name, value) => response.AppendTrailer(name, value));
        }
    }

    private void AddStatus(Status status, Action<string, string> add)
    {
        add(GrpcProtocol.StatusTrailer, ((int)status.StatusCode).ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(status.Detail))
        {
            add(GrpcProtocol.MessageTrailer, GrpcStatusMessage.Encode(status.Detail));
        }

        if (_responseTrailers is null)
        {
            return;
        }

        foreach (var entry in _responseTrailers)
        {
            if (!GrpcProtocol.IsReservedHeader(entry.Key))
            {
                add(entry.Key, entry.Value);
            }
        }
    }

    private Metadata ReadRequestHeaders()
    {
        var metadata = new Metadata();
        foreach (var (key, values) in _http.Request.Headers)
        {
            foreach (var value in values)
            {
                if (value is not null)
                {
                    MetadataHeaders.AddIfUserMetadata(metadata, key, value);
                }
            }
        }

        return metadata;
    }

    private void ThrowIfCompleted()
    {
        if (_completed)
        {
            throw new InvalidOperationException("The call is complete; nothing more can be written.");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "gRPC handler for {Method} failed")]
    private static partial void LogHandlerFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "gRPC call {Method} ended with {StatusCode}: {Detail}")]
    private static partial void LogRpcStatus(ILogger logger, string method, StatusCode statusCode, string detail);

    [LoggerMessage(Level = LogLevel.Debug, Message = "gRPC call {Method} was cancelled by the client")]
    private static partial void LogClientCancelled(ILogger logger, string method);
}
