using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SaaSMdm.Core.Webhooks;

/// <summary>What one POST of a delivery came to.</summary>
/// <param name="HttpStatus">The endpoint's status; null when no response came.</param>
/// <param name="Error">Why it did not deliver; null when it did.</param>
public sealed record AttemptOutcome(int? HttpStatus, string? Error, int DurationMilliseconds)
{
    public bool Delivered => Error is null;
}

/// <summary>One attempt of a delivery: signs the stored body with the webhook's secret and POSTs it, within the timeout.</summary>
public sealed class WebhookPoster(WebhookHttp http, WebhookSecrets secrets, IOptions<WebhookOptions> options, TimeProvider clock)
{
    public const string EventIdHeader = "SaaSMdm-Event-Id";
    public const string EventTypeHeader = "SaaSMdm-Event-Type";
    public const string DeliveryIdHeader = "SaaSMdm-Delivery-Id";

    private const int MaxErrorLength = 500;

    public async Task<AttemptOutcome> PostAsync(ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        byte[] key;
        try
        {
            key = secrets.Key(delivery.ProtectedSecret);
        }
        catch (CryptographicException)
        {
            return Failed(null, "The webhook's secret can no longer be decrypted (its key is gone); rotate the secret.", started);
        }

        var body = Encoding.UTF8.GetBytes(delivery.Payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(EventIdHeader, delivery.EventId.ToString());
        request.Headers.Add(EventTypeHeader, delivery.EventType);
        request.Headers.Add(DeliveryIdHeader, delivery.Id.ToString());
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Of(key, clock.GetUtcNow().ToUnixTimeSeconds(), body));

        var timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new AttemptOutcome(status, null, Elapsed(started))
                : Failed(status, $"The endpoint answered HTTP {status}.", started);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(null, $"No answer within {timeout.TotalSeconds:0} seconds.", started);
        }
        catch (HttpRequestException e)
        {
            return Failed(null, Innermost(e).Message, started);
        }
    }

    private static AttemptOutcome Failed(int? status, string error, long started) =>
        new(status, error.Length > MaxErrorLength ? error[..MaxErrorLength] : error, Elapsed(started));

    private static int Elapsed(long started) => (int)Math.Min(int.MaxValue, Stopwatch.GetElapsedTime(started).TotalMilliseconds);

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is { } inner)
        {
            e = inner;
        }

        return e;
    }
}
