using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace SaaSMdm.AppleFakes.Apns;

/// <summary>
/// Checks a request the way APNs does for certificate-authenticated MDM pushes and answers with APNs' status and
/// reason when it fails. <c>BadPayload</c> is the fake's own reason: APNs does not look into MDM payloads.
/// </summary>
internal static class PushRequestReader
{
    public const int MaxPayloadBytes = 4096;

    private const string DevicePathPrefix = "/3/device/";

    public static async Task<(PushRequest? Push, FakeApnsReply? Rejection)> ReadAsync(HttpContext context, string? certificateTopic)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            return Reject(405, "MethodNotAllowed");
        }

        var path = request.Path.Value ?? "";
        if (!path.StartsWith(DevicePathPrefix, StringComparison.Ordinal))
        {
            return Reject(404, "BadPath");
        }

        var token = path[DevicePathPrefix.Length..];
        if (token.Length == 0)
        {
            return Reject(400, "MissingDeviceToken");
        }

        if (token.Length % 2 != 0 || !token.All(char.IsAsciiHexDigit))
        {
            return Reject(400, "BadDeviceToken");
        }

        if (Header(request, "apns-push-type") != "mdm")
        {
            return Reject(400, "InvalidPushType");
        }

        var topic = Header(request, "apns-topic") ?? certificateTopic;
        if (topic is null)
        {
            return Reject(400, "MissingTopic");
        }

        if (topic != certificateTopic)
        {
            return Reject(400, "TopicDisallowed");
        }

        int? priority = null;
        if (Header(request, "apns-priority") is { } priorityText)
        {
            if (priorityText is not ("10" or "5" or "1"))
            {
                return Reject(400, "BadPriority");
            }

            priority = int.Parse(priorityText, CultureInfo.InvariantCulture);
        }

        long? expiration = null;
        if (Header(request, "apns-expiration") is { } expirationText)
        {
            if (!long.TryParse(expirationText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return Reject(400, "BadExpirationDate");
            }

            expiration = seconds;
        }

        Guid? apnsId = null;
        if (Header(request, "apns-id") is { } idText)
        {
            if (!Guid.TryParseExact(idText, "D", out var id))
            {
                return Reject(400, "BadMessageId");
            }

            apnsId = id;
        }

        // One byte past the limit is enough to know the payload is too large.
        var buffer = ArrayPool<byte>.Shared.Rent(MaxPayloadBytes + 1);
        try
        {
            var length = await request.Body.ReadAtLeastAsync(buffer.AsMemory(0, MaxPayloadBytes + 1), MaxPayloadBytes + 1, throwOnEndOfStream: false, context.RequestAborted)
                .ConfigureAwait(false);
            return length switch
            {
                > MaxPayloadBytes => Reject(413, "PayloadTooLarge"),
                0 => Reject(400, "PayloadEmpty"),
                _ when PushMagicOf(buffer.AsMemory(0, length)) is { } pushMagic =>
                    (new PushRequest(token.ToLowerInvariant(), topic, priority, expiration, apnsId, pushMagic), null),
                _ => Reject(400, "BadPayload"),
            };
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static (PushRequest?, FakeApnsReply?) Reject(int status, string reason) => (null, new FakeApnsReply(status, reason));

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) ? values.ToString() : null;

    private static string? PushMagicOf(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("mdm", out var mdm)
                && mdm.ValueKind == JsonValueKind.String
                ? mdm.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
