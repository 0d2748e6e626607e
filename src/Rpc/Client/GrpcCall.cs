using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using SaaSMdm.Rpc.Protocol;

namespace SaaSMdm.Rpc.Client;

/// <summary>
/// One client call as an HTTP/2 request: sends the framed request, reads framed responses, and
/// turns headers, trailers, deadlines, cancellation and transport failures into one final status.
/// </summary>
internal sealed class GrpcCall<TRequest, TResponse> : ICallState
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private readonly GrpcChannel _channel;
    private readonly Method<TRequest, TResponse> _method;
    private readonly CallOptions _options;
    private readonly CancellationTokenSource _callCts = new();
    private readonly byte[] _frameHeader = new byte[GrpcProtocol.FrameHeaderSize];
    private CancellationTokenRegistration _userCancellation;
    private HttpResponseMessage? _response;
    private Stream? _responseStream;
    private string? _responseEncoding;
    private Task? _sendTask;
    private Status? _status;
    private HttpHeaders? _trailerSource;
    private Metadata? _trailers;
    private Metadata? _responseHeaders;
    private int _cleanedUp;

    public GrpcCall(GrpcChannel channel, Method<TRequest, TResponse> method, CallOptions options)
    {
        _channel = channel;
        _method = method;
        _options = options;
        if (options.CancellationToken.CanBeCanceled)
        {
            _userCancellation = options.CancellationToken.Register(static state => ((GrpcCall<TRequest, TResponse>)state!).Cancel(), this);
        }

        if (options.Deadline is { } deadline && deadline != DateTime.MaxValue)
        {
            var remaining = deadline - DateTime.UtcNow;
            if (remaining > TimeSpan.Zero)
            {
                _callCts.CancelAfter(remaining);
            }
            else
            {
                _callCts.Cancel();
            }
        }
    }

    /// <summary>The response headers once they arrived; fails with the call's status when none came.</summary>
    public async Task<Metadata> GetResponseHeadersAsync()
    {
        try
        {
            await _sendTask!.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            throw new RpcException(_status ?? Classify(ex), Trailers);
        }

        return _responseHeaders ??= _response is null ? new Metadata() : ResponseMetadata.From(_response.Headers);
    }

    public Status GetStatus() => _status ?? throw new InvalidOperationException("Unable to get the status because the call is not complete.");

    public Metadata GetTrailers() => _status is null
        ? throw new InvalidOperationException("Unable to get the trailers because the call is not complete.")
        : Trailers;

    /// <summary>Trailers are turned into metadata only when someone reads them.</summary>
    private Metadata Trailers => _trailers ??= _trailerSource is null ? new Metadata() : ResponseMetadata.From(_trailerSource);

    public async Task<TResponse> RunUnaryAsync(TRequest request)
    {
        try
        {
            _sendTask = SendAsync(request);
            await _sendTask.ConfigureAwait(false);
            TResponse? response = null;
            if (_status is null)
            {
                response = await ReadMessageAsync().ConfigureAwait(false);
                if (response is not null && await ReadMessageAsync().ConfigureAwait(false) is not null)
                {
                    throw new RpcException(new Status(StatusCode.Internal, "A unary call returned more than one message."));
                }

                ReadTrailers();
            }

            if (_status!.Value.StatusCode != StatusCode.OK)
            {
                throw new RpcException(_status.Value, Trailers);
            }

            return response ?? throw Fail(new Status(StatusCode.Internal, "Failed to deserialize response message."));
        }
        catch (Exception ex) when (ex is not RpcException || _status is null)
        {
            throw Fail(Classify(ex));
        }
        finally
        {
            Cleanup();
        }
    }

    public IAsyncStreamReader<TResponse> StartServerStreaming(TRequest request)
    {
        _sendTask = SendAsync(request);
        return new ResponseStreamReader(this);
    }

    public void Dispose()
    {
        if (_status is null)
        {
            _status = new Status(StatusCode.Cancelled, "Call disposed before it completed.");
            Cancel();
        }

        Cleanup();
    }

    private void Cancel()
    {
        try
        {
            _callCts.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The call already finished; nothing is left to cancel.
        }
    }

    private async Task SendAsync(TRequest request)
    {
        _callCts.Token.ThrowIfCancellationRequested();
        var compress = _channel.Options.CompressRequests;
        var size = request.CalculateSize();
        if (size > _channel.Options.MaxSendMessageSize)
        {
            throw Fail(new Status(StatusCode.ResourceExhausted,
                $"Sending message exceeds the maximum configured message size ({size} > {_channel.Options.MaxSendMessageSize} bytes)."));
        }

        using var httpRequest = new HttpRequestMessage(HttpMethod.Post, _channel.GetMethodUri(_method.FullName))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new GrpcRequestContent(request, size, compress),
        };
        AddRequestHeaders(httpRequest.Headers, compress);
        if (_channel.Options.Credentials is { } credentials && !httpRequest.Headers.Contains(CallCredentials.AuthorizationHeader))
        {
            httpRequest.Headers.TryAddWithoutValidation(
                CallCredentials.AuthorizationHeader, await credentials.GetAuthorizationAsync(_callCts.Token).ConfigureAwait(false));
        }

        var response = await _channel.HttpInvoker.SendAsync(httpRequest, _callCts.Token).ConfigureAwait(false);
        _response = response;

        if (response.Headers.TryGetValues(GrpcProtocol.StatusTrailer, out _))
        {
            // Trailers-only: the status arrived with the headers and no body follows.
            SetStatusFrom(response.Headers);
        }
        else if (response.StatusCode != HttpStatusCode.OK)
        {
            _status = HttpStatusMapping.ToStatus(response.StatusCode);
            _trailerSource = response.Headers;
        }
        else if (!GrpcProtocol.IsGrpcContentType(response.Content.Headers.ContentType?.MediaType))
        {
            _status = new Status(StatusCode.Internal,
                $"Bad gRPC response. Invalid content-type value: {response.Content.Headers.ContentType?.MediaType ?? "none"}");
            _trailerSource = response.Headers;
        }
        else
        {
            _responseEncoding = response.Headers.TryGetValues(GrpcProtocol.EncodingHeader, out var encodings) ? encodings.FirstOrDefault() : null;
            _responseStream = await response.Content.ReadAsStreamAsync(_callCts.Token).ConfigureAwait(false);
        }
    }

    private void AddRequestHeaders(HttpRequestHeaders headers, bool compress)
    {
        headers.TryAddWithoutValidation("te", "trailers");
        headers.TryAddWithoutValidation("user-agent", GrpcChannel.UserAgent);
        headers.TryAddWithoutValidation(GrpcProtocol.AcceptEncodingHeader, GrpcProtocol.SupportedEncodings);
        if (compress)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.EncodingHeader, GrpcProtocol.GzipEncoding);
        }

        if (_options.Deadline is { } deadline && deadline != DateTime.MaxValue)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, GrpcTimeout.Format(deadline - DateTime.UtcNow));
        }

        if (_options.Headers is { } metadata)
        {
            foreach (var entry in metadata)
            {
                if (!GrpcProtocol.IsReservedHeader(entry.Key))
                {
                    headers.TryAddWithoutValidation(entry.Key, entry.Value);
                }
            }
        }
    }

    /// <summary>The next message, or null at the end of the stream.</summary>
    private async Task<TResponse?> ReadMessageAsync()
    {
        var stream = _responseStream!;
        var token = _callCts.Token;
        var read = await stream.ReadAtLeastAsync(_frameHeader, _frameHeader.Length, throwOnEndOfStream: false, token).ConfigureAwait(false);
        if (read == 0)
        {
            return null;
        }

        if (read < _frameHeader.Length)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Incomplete message: the stream ended inside a frame header."));
        }

        var header = MessageFraming.ParseHeader(_frameHeader, _channel.Options.MaxReceiveMessageSize);
        var buffer = ArrayPool<byte>.Shared.Rent(header.Length);
        try
        {
            var body = await stream.ReadAtLeastAsync(buffer.AsMemory(0, header.Length), header.Length, throwOnEndOfStream: false, token).ConfigureAwait(false);
            if (body < header.Length)
            {
                throw new RpcException(new Status(StatusCode.Internal, "Incomplete message: the stream ended inside a message."));
            }

            return MessagePayload.Parse(_method.ResponseParser, new ReadOnlySequence<byte>(buffer, 0, header.Length),
                header.Compressed, _responseEncoding, _channel.Options.MaxReceiveMessageSize, "response");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void ReadTrailers() => SetStatusFrom(_response!.TrailingHeaders);

    private void SetStatusFrom(HttpHeaders source)
    {
        _trailerSource = source;
        if (!source.TryGetValues(GrpcProtocol.StatusTrailer, out var values)
            || !int.TryParse(values.FirstOrDefault(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code))
        {
            _status = new Status(StatusCode.Unknown, "No grpc-status found on response.");
            return;
        }

        var message = source.TryGetValues(GrpcProtocol.MessageTrailer, out var messages) ? messages.FirstOrDefault() : null;
        _status = new Status(Enum.IsDefined(typeof(StatusCode), code) ? (StatusCode)code : StatusCode.Unknown, GrpcStatusMessage.Decode(message));
    }

    private Status Classify(Exception ex)
    {
        if (_callCts.IsCancellationRequested)
        {
            return _options.CancellationToken.IsCancellationRequested
                ? new Status(StatusCode.Cancelled, "Call canceled by the client.")
                : new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
        }

        return ex switch
        {
            RpcException rpc => rpc.Status,
            HttpRequestException http => new Status(StatusCode.Unavailable, $"Error starting gRPC call. {http.GetType().Name}: {http.Message}"),
            HttpProtocolException protocol => new Status(StatusCode.Internal, $"HTTP/2 error {protocol.ErrorCode}: {protocol.Message}"),
            IOException io => new Status(StatusCode.Unavailable, $"Error reading the response. {io.Message}"),
            _ => new Status(StatusCode.Unknown, $"Call failed. {ex.GetType().Name}: {ex.Message}"),
        };
    }

    private RpcException Fail(Status status)
    {
        _status ??= status;
        return new RpcException(_status.Value, Trailers);
    }

    private void Cleanup()
    {
        if (Interlocked.Exchange(ref _cleanedUp, 1) == 1)
        {
            return;
        }

        _userCancellation.Dispose();
        _response?.Dispose();
        _callCts.Dispose();
    }

    /// <summary>Reads the messages of a server-streaming call and ends with its status.</summary>
    private sealed class ResponseStreamReader(GrpcCall<TRequest, TResponse> call) : IAsyncStreamReader<TResponse>
    {
        public TResponse Current { get; private set; } = null!;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            using var registration = cancellationToken.CanBeCanceled
                ? cancellationToken.Register(static state => ((GrpcCall<TRequest, TResponse>)state!).Cancel(), call)
                : default;
            try
            {
                if (call._status is null)
                {
                    await call._sendTask!.ConfigureAwait(false);
                }

                if (call._status is null)
                {
                    var message = await call.ReadMessageAsync().ConfigureAwait(false);
                    if (message is not null)
                    {
                        Current = message;
                        return true;
                    }

                    call.ReadTrailers();
                }
            }
            catch (Exception ex) when (ex is not RpcException || call._status is null)
            {
                var status = cancellationToken.IsCancellationRequested
                    ? new Status(StatusCode.Cancelled, "Call canceled by the client.")
                    : call.Classify(ex);
                call.Cleanup();
                throw call.Fail(status);
            }

            call.Cleanup();
            if (call._status!.Value.StatusCode != StatusCode.OK)
            {
                throw new RpcException(call._status.Value, call.Trailers);
            }

            return false;
        }
    }
}
