using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace SaaSMdm.Apple.Push;

/// <summary>
/// Sends MDM wake-up pushes to APNs over HTTP/2 with one tenant's push certificate as TLS client certificate.
/// Create one per push certificate and keep it: it owns a pool of long-lived connections. Thread-safe.
/// </summary>
public sealed class ApnsClient : IDisposable
{
    /// <summary>APNs error bodies are tiny; anything past this is not read.</summary>
    private const int MaxErrorBodyBytes = 2048;

    private readonly ApnsClientOptions _options;
    private readonly HttpClient _http;
    private readonly string _devicePathPrefix;

    /// <param name="pushCertificate">The tenant's MDM push certificate, with its private key.</param>
    /// <exception cref="ArgumentException">The certificate has no private key, or an option is out of range.</exception>
    /// <exception cref="PushCertificateException">No topic is configured and the certificate names none.</exception>
    public ApnsClient(X509Certificate2 pushCertificate, ApnsClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pushCertificate);
        if (!pushCertificate.HasPrivateKey)
        {
            throw new ArgumentException("The push certificate needs its private key for TLS client authentication.", nameof(pushCertificate));
        }

        _options = options ?? new ApnsClientOptions();
        _options.Validate();
        Topic = _options.Topic ?? PushCertificateTopic.Read(pushCertificate);
        _devicePathPrefix = new Uri(_options.BaseAddress, "3/device/").AbsoluteUri;
        _http = new HttpClient(ApnsHttpHandler.Create(pushCertificate, _options))
        {
            Timeout = _options.RequestTimeout,
        };
    }

    /// <summary>The <c>apns-topic</c> sent with every push.</summary>
    public string Topic { get; }

    /// <summary>Sends one push, retrying answers and errors that may pass later.</summary>
    /// <exception cref="OperationCanceledException">Only when <paramref name="cancellationToken"/> is cancelled.</exception>
    public async Task<PushOutcome> SendAsync(MdmPush push, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(push);
        var body = MdmPayload.Encode(push.PushMagic);
        var retry = _options.Retry;
        for (var attempt = 1; ; attempt++)
        {
            var result = await SendOnceAsync(push, body, attempt, cancellationToken).ConfigureAwait(false);
            if (!result.MayPassLater || attempt == retry.MaxAttempts)
            {
                return result.Outcome;
            }

            var delay = RetryBackoff.Before(attempt, retry, Random.Shared);
            await Task.Delay(delay, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends many pushes, at most <see cref="ApnsClientOptions.MaxConcurrentPushes"/> at a time.
    /// </summary>
    /// <returns>One outcome per push, in the order of <paramref name="pushes"/>.</returns>
    /// <exception cref="OperationCanceledException">Only when <paramref name="cancellationToken"/> is cancelled.</exception>
    public async Task<PushOutcome[]> SendManyAsync(IReadOnlyList<MdmPush> pushes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pushes);
        for (var i = 0; i < pushes.Count; i++)
        {
            if (pushes[i] is null)
            {
                throw new ArgumentException($"The push at index {i} is null.", nameof(pushes));
            }
        }

        var outcomes = new PushOutcome[pushes.Count];
        var next = -1;
        var workers = new Task[Math.Min(_options.MaxConcurrentPushes, pushes.Count)];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = Work();
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        return outcomes;

        async Task Work()
        {
            for (var i = Interlocked.Increment(ref next); i < outcomes.Length; i = Interlocked.Increment(ref next))
            {
                outcomes[i] = await SendAsync(pushes[i], cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<AttemptResult> SendOnceAsync(MdmPush push, byte[] body, int attempt, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(push, body);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
                .ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status == 200)
            {
                return AttemptResult.Final(new Delivered(ReadApnsId(response)) { Attempts = attempt });
            }

            var error = await ReadErrorBodyAsync(response.Content, cancellationToken).ConfigureAwait(false);
            return ApnsAnswer.Classify(status, error, attempt);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return AttemptResult.Retryable(null, $"No answer within {_options.RequestTimeout}.", attempt);
        }
        catch (HttpRequestException e) when (IsUntrustedServerOrProtocol(e))
        {
            return AttemptResult.Final(new Failed(null, Describe(e)) { Attempts = attempt });
        }
        catch (HttpRequestException e)
        {
            return AttemptResult.Retryable(null, Describe(e), attempt);
        }
    }

    private HttpRequestMessage CreateRequest(MdmPush push, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _devicePathPrefix + push.Token.Hex)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        var headers = request.Headers;
        headers.TryAddWithoutValidation("apns-push-type", "mdm");
        headers.TryAddWithoutValidation("apns-topic", Topic);
        headers.TryAddWithoutValidation("apns-priority", push.Priority == PushPriority.Immediate ? "10" : "5");
        headers.TryAddWithoutValidation("apns-expiration", ExpirationSeconds(push).ToString(CultureInfo.InvariantCulture));
        if (push.ApnsId is { } id)
        {
            headers.TryAddWithoutValidation("apns-id", id.ToString("D"));
        }

        return request;
    }

    private long ExpirationSeconds(MdmPush push)
    {
        var expiration = push.Expiration ?? _options.TimeProvider.GetUtcNow() + _options.DefaultExpiration;
        return Math.Max(0, expiration.ToUnixTimeSeconds());
    }

    private static Guid? ReadApnsId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("apns-id", out var values) && Guid.TryParse(values.FirstOrDefault(), out var id)
            ? id
            : null;

    private static async Task<ApnsErrorBody> ReadErrorBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxErrorBodyBytes);
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var length = await stream.ReadAtLeastAsync(buffer.AsMemory(0, MaxErrorBodyBytes), MaxErrorBodyBytes, throwOnEndOfStream: false, cancellationToken)
                    .ConfigureAwait(false);
                return ApnsErrorBody.Parse(buffer.AsSpan(0, length));
            }
        }
        catch (IOException)
        {
            // The status alone still decides; a body cut off by a reset only loses the reason.
            return default;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>HttpClient's own message is generic ("see inner exception"); the cause is one level down.</summary>
    private static string Describe(HttpRequestException e) =>
        e.InnerException is { } cause ? $"{e.Message} {cause.Message}" : e.Message;

    /// <summary>Errors that another attempt cannot fix: the server is not APNs, or does not speak HTTP/2.</summary>
    private static bool IsUntrustedServerOrProtocol(HttpRequestException e) =>
        e.InnerException is AuthenticationException || e.HttpRequestError == HttpRequestError.VersionNegotiationError;
}
