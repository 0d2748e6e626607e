using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace SaaSMdm.Apple.Ddm;

/// <summary>
/// Tokens derived from content, so they change exactly when the content does: a declaration's ServerToken and
/// an enrollment's DeclarationsToken. Both are lower-case SHA-256 hex (64 characters, Apple's limit).
/// </summary>
public static class DeclarationTokens
{
    /// <summary>
    /// Hashes the canonical JSON of <c>{Identifier, Payload, Type}</c>, plus <c>Touch</c> when
    /// <paramref name="touchCount"/> is above zero: touching forces a new token for unchanged content.
    /// </summary>
    public static string ServerToken(string type, string identifier, JsonElement payload, int touchCount = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(touchCount);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(identifier);
        return Hash(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("Identifier", identifier);
            writer.WritePropertyName("Payload");
            CanonicalJson.Write(writer, payload);
            if (touchCount > 0)
            {
                writer.WriteNumber("Touch", touchCount);
            }

            writer.WriteString("Type", type);
            writer.WriteEndObject();
        });
    }

    /// <summary>Hashes the (Identifier, ServerToken) pairs sorted by identifier, so their order does not matter.</summary>
    /// <exception cref="ArgumentException">Two items share an identifier.</exception>
    public static string DeclarationsToken(IEnumerable<DeclarationItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var sorted = items.OrderBy(item => item.Identifier, StringComparer.Ordinal).ToArray();
        for (var index = 1; index < sorted.Length; index++)
        {
            if (string.Equals(sorted[index - 1].Identifier, sorted[index].Identifier, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Declaration identifier '{sorted[index].Identifier}' appears twice.", nameof(items));
            }
        }

        return Hash(writer =>
        {
            writer.WriteStartArray();
            foreach (var item in sorted)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(item.Identifier);
                writer.WriteStringValue(item.ServerToken);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        });
    }

    private static string Hash(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }
}
