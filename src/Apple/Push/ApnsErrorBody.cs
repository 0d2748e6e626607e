using System.Text.Json;

namespace SaaSMdm.Apple.Push;

/// <summary>
/// The JSON APNs sends with a failure: <c>{"reason":"Unregistered","timestamp":1700000000000}</c>.
/// Unreadable bodies yield empty fields rather than errors: the status code alone still decides the outcome.
/// </summary>
internal readonly record struct ApnsErrorBody(string? Reason, DateTimeOffset? Timestamp)
{
    private static readonly long MaxUnixMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    public static ApnsErrorBody Parse(ReadOnlySpan<byte> json)
    {
        string? reason = null;
        DateTimeOffset? timestamp = null;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return default;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isReason = reader.ValueTextEquals("reason"u8);
                var isTimestamp = !isReason && reader.ValueTextEquals("timestamp"u8);
                if (!reader.Read())
                {
                    break;
                }

                if (isReason && reader.TokenType == JsonTokenType.String)
                {
                    reason = reader.GetString();
                }
                else if (isTimestamp && reader.TokenType == JsonTokenType.Number)
                {
                    timestamp = reader.TryGetInt64(out var ms) && ms >= 0 && ms <= MaxUnixMilliseconds
                        ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
                        : null;
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // A truncated or malformed body still leaves whatever was read before the fault.
        }

        return new ApnsErrorBody(reason, timestamp);
    }
}
