using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SaaSMdm.Apple.Ddm;

/// <summary>
/// RFC 3339 timestamps as devices and other servers expect them: UTC, whole seconds, <c>Z</c>. Reading
/// accepts any RFC 3339 offset.
/// </summary>
internal sealed class DdmTimestampConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static string Write(DateTimeOffset value) => value.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture);

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
        && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw new JsonException("expected an RFC 3339 timestamp");

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Write(value));
}
