using System.Buffers.Binary;
using System.Text.Json;
using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Apple.Tests.Plist;

/// <summary>
/// Describes a value in the tagged JSON that plistlib_bridge.py turns into Python objects, so plistlib
/// receives the expected value without going through our writer.
/// </summary>
internal static class PlistDescription
{
    public static void Write(Utf8JsonWriter json, PlistValue value)
    {
        json.WriteStartObject();
        switch (value)
        {
            case PlistDictionary dictionary:
                json.WriteString("t", "dict");
                json.WriteStartArray("v");
                foreach (var (key, item) in dictionary)
                {
                    json.WriteStartArray();
                    json.WriteStringValue(key);
                    Write(json, item);
                    json.WriteEndArray();
                }

                json.WriteEndArray();
                break;
            case PlistArray array:
                json.WriteString("t", "array");
                json.WriteStartArray("v");
                foreach (var item in array)
                {
                    Write(json, item);
                }

                json.WriteEndArray();
                break;
            case PlistString text:
                json.WriteString("t", "string");
                json.WriteString("v", text.Value);
                break;
            case PlistInteger integer:
                json.WriteString("t", "int");
                json.WriteString("v", integer.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            case PlistReal real:
                Span<byte> bits = stackalloc byte[8];
                BinaryPrimitives.WriteDoubleBigEndian(bits, real.Value);
                json.WriteString("t", "real");
                json.WriteString("v", Convert.ToHexString(bits));
                break;
            case PlistBoolean boolean:
                json.WriteString("t", "bool");
                json.WriteBoolean("v", boolean.Value);
                break;
            case PlistDate date:
                json.WriteString("t", "date");
                json.WriteNumber("v", date.Value.ToUnixTimeSeconds());
                break;
            case PlistData data:
                json.WriteString("t", "data");
                json.WriteBase64String("v", data.Value.Span);
                break;
        }

        json.WriteEndObject();
    }
}
