using SaaSMdm.Contracts;
using System.Text;
using System.Text.Json;
using Google.Protobuf.Collections;
using SaaSMdm.Apple.Ddm;
using SaaSMdm.Apple.Schema;
using SaaSMdm.Core.Declarations;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Api.Declarations;

/// <summary>Checks of the Declarations API's inputs; each failure is INVALID_ARGUMENT naming the field.</summary>
public static class DeclarationInput
{
    /// <summary>A payload larger than this is refused before it is parsed.</summary>
    public const int MaxPayloadBytes = 256 * 1024;

    public const int MaxNameLength = 200;

    public const int MaxDescriptionLength = 2000;

    public const int MaxTypeLength = 128;

    /// <summary>Declaration identifiers per set-membership request.</summary>
    public const int MaxIdentifiers = 1000;

    private const int ListedProblems = 10;

    /// <summary>A declaration identifier a tenant may use: Apple's 64-octet limit, printable, outside the reserved prefix.</summary>
    public static string Identifier(string identifier, string field = "identifier")
    {
        if (identifier.Length == 0)
        {
            throw new InvalidArgumentException($"{field} is required.");
        }

        if (Encoding.UTF8.GetByteCount(identifier) > DeclarationValidator.MaxTokenOctets)
        {
            throw new InvalidArgumentException($"{field} '{CallerText.Shorten(identifier)}' is longer than {DeclarationValidator.MaxTokenOctets} UTF-8 octets, Apple's limit.");
        }

        if (identifier.Any(char.IsControl))
        {
            throw new InvalidArgumentException($"{field} must not contain control characters.");
        }

        return BuiltInDeclarations.IsReserved(identifier)
            ? throw new InvalidArgumentException($"{field} '{identifier}' starts with \"{BuiltInDeclarations.ReservedPrefix}\", which is reserved for built-in declarations.")
            : identifier;
    }

    /// <summary>Distinct valid identifiers, at most <see cref="MaxIdentifiers"/>.</summary>
    public static IReadOnlyList<string> Identifiers(RepeatedField<string> identifiers, bool allowEmpty)
    {
        if (identifiers.Count > MaxIdentifiers || (identifiers.Count == 0 && !allowEmpty))
        {
            throw new InvalidArgumentException($"identifiers must name {(allowEmpty ? 0 : 1)} to {MaxIdentifiers:N0} declarations; got {identifiers.Count:N0}.");
        }

        return identifiers.Select(identifier => Identifier(identifier, "identifiers")).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>A declaration type of Apple's schema.</summary>
    public static string Type(string type)
    {
        if (type.Length == 0)
        {
            throw new InvalidArgumentException("type is required, e.g. com.apple.configuration.passcode.settings.");
        }

        return type.Length <= MaxTypeLength && AppleSchemaCatalog.Default.FindDeclaration(type) is not null
            ? type
            : throw new InvalidArgumentException(
                $"Unknown declaration type '{CallerText.Shorten(type)}': Apple's schema has no such declaration (types look like com.apple.configuration.passcode.settings).");
    }

    /// <summary>The payload as a JSON object.</summary>
    public static JsonElement Payload(string json)
    {
        if (Encoding.UTF8.GetByteCount(json) > MaxPayloadBytes)
        {
            throw new InvalidArgumentException($"payload_json is larger than {MaxPayloadBytes / 1024} KiB.");
        }

        JsonElement payload;
        try
        {
            using var document = JsonDocument.Parse(json);
            payload = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new InvalidArgumentException($"payload_json is not valid JSON: {e.Message}");
        }

        return payload.ValueKind == JsonValueKind.Object
            ? payload
            : throw new InvalidArgumentException($"payload_json must be a JSON object (the declaration's Payload); got {payload.ValueKind}.");
    }

    /// <exception cref="InvalidArgumentException">the declaration breaks Apple's schema; the problems are listed, up to a limit.</exception>
    public static void EnsureValid(DeclarationValidator validator, Declaration declaration)
    {
        var errors = validator.Validate(declaration).Errors.ToList();
        if (errors.Count > 0)
        {
            var listed = string.Join("; ", errors.Take(ListedProblems));
            var more = errors.Count > ListedProblems ? $" (and {errors.Count - ListedProblems} more)" : "";
            throw new InvalidArgumentException($"The {declaration.Type} declaration does not match Apple's schema: {listed}{more}. Nothing was saved.");
        }
    }

    /// <summary>A set or group name: required, printable, at most <see cref="MaxNameLength"/> characters.</summary>
    public static string Name(string name, string field = "name")
    {
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > MaxNameLength)
        {
            throw new InvalidArgumentException($"{field} must have 1 to {MaxNameLength} characters.");
        }

        return trimmed.Any(char.IsControl) ? throw new InvalidArgumentException($"{field} must not contain control characters.") : trimmed;
    }

    /// <summary>A description: at most <see cref="MaxDescriptionLength"/> characters, lines and tabs but no other control characters.</summary>
    public static string Description(string description) =>
        description.Length > MaxDescriptionLength
            ? throw new InvalidArgumentException($"description has at most {MaxDescriptionLength} characters.")
            : description.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
                ? throw new InvalidArgumentException("description must not contain control characters other than line breaks and tabs.")
                : description;

    /// <summary>A server-assigned id (set, group).</summary>
    public static Guid Id(string id, string field) =>
        Guid.TryParse(id, out var parsed) ? parsed : throw new InvalidArgumentException($"{field} must be an id (a UUID); got '{CallerText.Shorten(id)}'.");
}
