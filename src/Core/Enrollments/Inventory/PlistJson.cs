using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Core.Enrollments.Inventory;

/// <summary>
/// Property lists as JSON for storage and the API: dictionaries become objects, data becomes base64, dates
/// become RFC 3339 UTC strings, and reals JSON cannot hold (NaN, infinities) become strings.
/// </summary>
public static class PlistJson
{
    public static string Serialize(PlistValue value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter writer, PlistValue value)
    {
        switch (value)
        {
            case PlistDictionary dictionary:
                writer.WriteStartObject();
                foreach (var (key, item) in dictionary)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item);
                }

                writer.WriteEndObject();
                break;
            case PlistArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case PlistString text:
                writer.WriteStringValue(text.Value);
                break;
            case PlistInteger integer:
                writer.WriteNumberValue(integer.Value);
                break;
            case PlistReal real when double.IsFinite(real.Value):
                writer.WriteNumberValue(real.Value);
                break;
            case PlistReal real:
                writer.WriteStringValue(real.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case PlistBoolean boolean:
                writer.WriteBooleanValue(boolean.Value);
                break;
            case PlistDate date:
                writer.WriteStringValue(date.Value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
                break;
            case PlistData data:
                writer.WriteBase64StringValue(data.Value.Span);
                break;
            default:
                throw new ArgumentException($"Unknown plist value kind {value.Kind}.", nameof(value));
        }
    }
}
