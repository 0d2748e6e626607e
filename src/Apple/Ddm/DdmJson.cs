using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SaaSMdm.Apple.Ddm;

/// <summary>Serializes and parses DDM objects, turning every JSON failure into a <see cref="DdmFormatException"/>.</summary>
internal static class DdmJson
{
    public static byte[] Serialize<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);

    public static T Parse<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(json, type) ?? throw new DdmFormatException($"{typeof(T).Name} must be an object, not null");
        }
        catch (JsonException e)
        {
            throw new DdmFormatException($"Malformed {typeof(T).Name} at {e.Path ?? "$"}: {e.Message}", e);
        }
    }
}
