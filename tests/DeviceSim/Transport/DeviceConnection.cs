using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;

namespace SaaSMdm.DeviceSim.Transport;

/// <summary>
/// A device's HTTP client. Its TLS settings follow the device's life: before the profile it trusts what
/// <see cref="ServerTrust"/> says, after the profile also the profile's roots (if allowed), after SCEP it may show its
/// identity as client certificate. Every request is timed for the observer.
/// </summary>
internal sealed class DeviceConnection : IDisposable
{
    /// <summary>Larger than any profile, certificate or command a server sends a device.</summary>
    private const int MaxResponseBytes = 16 * 1024 * 1024;

    private readonly ServerTrust _trust;
    private readonly HttpMessageHandler? _sharedHandler;
    private readonly IDeviceRequestObserver? _observer;
    private readonly TimeSpan _timeout;
    private readonly List<X509Certificate2> _profileRoots = [];
    private bool _profileSeen;
    private X509Certificate2? _clientCertificate;
    private HttpClient? _client;

    public DeviceConnection(ServerTrust trust, HttpMessageHandler? sharedHandler, IDeviceRequestObserver? observer, TimeSpan timeout)
    {
        if (sharedHandler is not null && trust.TrustProfileRoot)
        {
            throw new ArgumentException("A device on a shared handler cannot trust its profile's roots; give TrustedRoots instead.", nameof(sharedHandler));
        }

        _trust = trust;
        _sharedHandler = sharedHandler;
        _observer = observer;
        _timeout = timeout;
    }

    /// <summary>The profile arrived: its roots are trusted from now on if <see cref="ServerTrust.TrustProfileRoot"/> allows.</summary>
    public void ProfileInstalled(IEnumerable<X509Certificate2> roots)
    {
        if (_trust.TrustProfileRoot)
        {
            _profileSeen = true;
            _profileRoots.AddRange(roots);
            Reset();
        }
    }

    /// <summary>Present this certificate (with its key) in every TLS handshake from now on.</summary>
    public void UseClientCertificate(X509Certificate2 certificate)
    {
        _clientCertificate = certificate;
        Reset();
    }

    public async Task<DeviceHttpResponse> SendAsync(string kind, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var client = _client ??= CreateClient();
        var started = Stopwatch.GetTimestamp();
        int? status = null;
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            var body = await ReadBodyAsync(response.Content, cancellationToken).ConfigureAwait(false);
            return new DeviceHttpResponse(response.StatusCode, body, response.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            _observer?.OnRequest(new DeviceRequest(kind, Stopwatch.GetElapsedTime(started), status));
        }
    }

    public static HttpRequestMessage Request(HttpMethod method, Uri url, byte[]? body = null, string? contentType = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            if (contentType is not null)
            {
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            }
        }

        return request;
    }

    public void Dispose() => Reset();

    private HttpClient CreateClient()
    {
        if (_sharedHandler is not null && _clientCertificate is null)
        {
            return new HttpClient(_sharedHandler, disposeHandler: false) { Timeout = _timeout };
        }

        var roots = _trust.TrustedRoots.Concat(_profileRoots).ToArray();
        var acceptAny = _trust.TrustProfileRoot && _trust.TrustedRoots.Count == 0 && !_profileSeen;
        return new HttpClient(DeviceHttpHandlers.Create(roots, acceptAny, _clientCertificate), disposeHandler: true) { Timeout = _timeout };
    }

    private void Reset()
    {
        _client?.Dispose();
        _client = null;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxResponseBytes)
        {
            throw new HttpRequestException($"The response announces {content.Headers.ContentLength} bytes; a device reads at most {MaxResponseBytes}.");
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxResponseBytes)
            {
                throw new HttpRequestException($"The response is larger than the {MaxResponseBytes} bytes a device reads.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
