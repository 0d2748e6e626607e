using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SaaSMdm.Apple.Plist;

/// <summary>
/// A property list as JSON, for storage and APIs: dictionaries and arrays as they are, data as base64, dates as
/// ISO 8601 UTC, and reals JSON cannot hold (NaN, infinities) as strings.
/// </summary>
public static class PlistJson
{
    public static string Write(PlistValue value)
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping keeps device and app names readable; the JSON never lands in HTML unencoded.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(json, value);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void Write(Utf8JsonWriter json, PlistValue value)
    {
        switch (value)
        {
            case PlistDictionary dictionary:
                json.WriteStartObject();
                foreach (var (key, item) in dictionary)
                {
                    json.WritePropertyName(key);
                    Write(json, item);
                }

                json.WriteEndObject();
                break;
            case PlistArray array:
                json.WriteStartArray();
                foreach (var item in array)
                {
                    Write(json, item);
                }

                json.WriteEndArray();
                break;
            case PlistString text:
                json.WriteStringValue(text.Value);
                break;
            case PlistInteger integer:
                json.WriteNumberValue(integer.Value);
                break;
            case PlistReal real when double.IsFinite(real.Value):
                json.WriteNumberValue(real.Value);
                break;
            case PlistReal real:
                json.WriteStringValue(real.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case PlistBoolean boolean:
                json.WriteBooleanValue(boolean.Value);
                break;
            case PlistDate date:
                json.WriteStringValue(date.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
                break;
            case PlistData data:
                json.WriteBase64StringValue(data.Value.Span);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(value), value.Kind, "Unknown plist value kind.");
        }
    }
}
