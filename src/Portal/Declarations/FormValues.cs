using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SaaSMdm.Apple.Schema;

namespace SaaSMdm.Portal.DeclarationForms;

/// <summary>
/// Converts between a declaration payload (JSON) and the texts of its generated form, keyed by field name.
/// An empty text means the key is absent; the schema validator, not this converter, judges what is required.
/// </summary>
public static class FormValues
{
    /// <summary>The format of a datetime-local input with seconds; the payload carries the same instant in UTC.</summary>
    public const string LocalDateTimeFormat = "yyyy-MM-ddTHH:mm:ss";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The texts of the form showing <paramref name="payload"/>.</summary>
    public static Dictionary<string, string> FromPayload(IReadOnlyList<FormField> fields, JsonObject payload)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        Fill(fields, payload, values);
        return values;
    }

    /// <summary>The texts a posted form carries for <paramref name="fields"/>, read from form keys named <see cref="FormField.InputName"/>.</summary>
    public static Dictionary<string, string> FromForm(IReadOnlyList<FormField> fields, Func<string, string?> posted)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in Flatten(fields))
        {
            if (posted(field.InputName) is { } text)
            {
                values[field.Name] = text;
            }
        }

        return values;
    }

    /// <summary>The payload the texts describe, and a problem per text that is not a value of its field's type.</summary>
    public static (JsonObject Payload, IReadOnlyList<SchemaProblem> Problems) ToPayload(IReadOnlyList<FormField> fields, IReadOnlyDictionary<string, string> values)
    {
        var problems = new List<SchemaProblem>();
        return (Build(fields, values, problems), problems);
    }

    public static IEnumerable<FormField> Flatten(IEnumerable<FormField> fields) =>
        fields.SelectMany(field => field.Input == FormInput.Fieldset ? Flatten(field.Children) : [field]);

    private static void Fill(IReadOnlyList<FormField> fields, JsonObject payload, Dictionary<string, string> values)
    {
        foreach (var field in fields)
        {
            if (payload[field.Key.Name] is not { } value)
            {
                continue;
            }

            if (field.Input == FormInput.Fieldset && value is JsonObject dictionary)
            {
                Fill(field.Children, dictionary, values);
            }
            else
            {
                values[field.Name] = Text(field, value);
            }
        }
    }

    private static string Text(FormField field, JsonNode value) => field.Input switch
    {
        FormInput.Lines when value is JsonArray items => string.Join("\n", items.Select(item => item is null ? "" : ScalarText(field.ItemType, item))),
        FormInput.Json or FormInput.Lines or FormInput.Fieldset => value.ToJsonString(Indented),
        _ => ScalarText(field.Key.Type, value),
    };

    private static string ScalarText(SchemaValueType type, JsonNode value) => value switch
    {
        JsonValue scalar when type == SchemaValueType.Date && scalar.TryGetValue<string>(out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) =>
            instant.UtcDateTime.ToString(LocalDateTimeFormat, CultureInfo.InvariantCulture),
        JsonValue scalar when scalar.TryGetValue<string>(out var text) => text,
        JsonValue scalar when scalar.GetValueKind() is JsonValueKind.True or JsonValueKind.False => scalar.GetValue<bool>() ? "true" : "false",
        _ => value.ToJsonString(),
    };

    private static JsonObject Build(IReadOnlyList<FormField> fields, IReadOnlyDictionary<string, string> values, List<SchemaProblem> problems)
    {
        var payload = new JsonObject();
        foreach (var field in fields)
        {
            if (field.Input == FormInput.Fieldset)
            {
                var dictionary = Build(field.Children, values, problems);
                if (dictionary.Count > 0)
                {
                    payload[field.Key.Name] = dictionary;
                }

                continue;
            }

            var text = values.GetValueOrDefault(field.Name, "");
            if (field.Input == FormInput.Checkbox)
            {
                payload[field.Key.Name] = text == "true";
            }
            else if (text.Trim().Length > 0 && Value(field, text.Trim(), problems) is { } value)
            {
                payload[field.Key.Name] = value;
            }
        }

        return payload;
    }

    private static JsonNode? Value(FormField field, string text, List<SchemaProblem> problems)
    {
        switch (field.Input)
        {
            case FormInput.Json:
                try
                {
                    return JsonNode.Parse(text);
                }
                catch (JsonException e)
                {
                    problems.Add(new SchemaProblem(field.Name, SchemaProblemKind.WrongType, $"is not valid JSON: {e.Message}"));
                    return null;
                }

            case FormInput.Lines:
                var items = new JsonArray();
                foreach (var line in text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0))
                {
                    items.Add(Scalar(field, field.ItemType, line, problems));
                }

                return items;
            case FormInput.Data:
                return JsonValue.Create(string.Concat(text.Where(c => !char.IsWhiteSpace(c))));
            default:
                return Scalar(field, field.Key.Type, text, problems);
        }
    }

    private static JsonNode? Scalar(FormField field, SchemaValueType type, string text, List<SchemaProblem> problems)
    {
        switch (type)
        {
            case SchemaValueType.Integer when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer):
                return JsonValue.Create(integer);
            case SchemaValueType.Real when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real):
                return JsonValue.Create(real);
            case SchemaValueType.Boolean when text is "true" or "false":
                return JsonValue.Create(text == "true");
            case SchemaValueType.Date when DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var instant):
                return JsonValue.Create(instant.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            case SchemaValueType.Integer or SchemaValueType.Real or SchemaValueType.Boolean or SchemaValueType.Date:
                problems.Add(new SchemaProblem(field.Name, SchemaProblemKind.WrongType, $"'{text}' is not {Article(type)}"));
                return null;
            default:
                return JsonValue.Create(text);
        }
    }

    private static string Article(SchemaValueType type) => type switch
    {
        SchemaValueType.Integer => "a whole number",
        SchemaValueType.Real => "a number",
        SchemaValueType.Boolean => "true or false",
        _ => "a date and time",
    };
}
