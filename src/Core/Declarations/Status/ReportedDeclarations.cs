using System.Text.Json;
using SaaSMdm.Apple.Ddm;

namespace SaaSMdm.Core.Declarations.Status;

/// <summary>One declaration's status as a report carries it in <c>management.declarations</c>.</summary>
public sealed record ReportedDeclaration(string Category, string Identifier, string ServerToken, bool Active, string Valid, string? ReasonsJson);

/// <summary>
/// The <c>management.declarations</c> item of a report: statuses to store and identifiers marked removed. Its
/// shape is checked strictly, because rows are stored from it: a malformed element refuses the whole report.
/// </summary>
public sealed record ReportedDeclarations(bool Present, IReadOnlyList<ReportedDeclaration> Statuses, IReadOnlyList<string> Removed)
{
    /// <summary>Apple's limit on identifiers, and the length of our server tokens.</summary>
    public const int MaxIdentifierLength = 64;

    private const int MaxServerTokenLength = 64;

    private static readonly string[] ValidStates = ["valid", "invalid", "unknown"];

    private static readonly (string Key, DeclarationCategory Category)[] Categories =
    [
        ("activations", DeclarationCategory.Activation),
        ("assets", DeclarationCategory.Asset),
        ("configurations", DeclarationCategory.Configuration),
        ("management", DeclarationCategory.Management),
    ];

    /// <exception cref="DdmFormatException">the item is not shaped as Apple defines it.</exception>
    public static ReportedDeclarations From(StatusReport report)
    {
        if (!report.StatusItems.TryGetProperty("management", out var management)
            || management.ValueKind != JsonValueKind.Object
            || !management.TryGetProperty("declarations", out var declarations))
        {
            return new ReportedDeclarations(false, [], []);
        }

        if (declarations.ValueKind != JsonValueKind.Object)
        {
            throw new DdmFormatException("management.declarations must be an object of per-category arrays.");
        }

        var statuses = new List<ReportedDeclaration>();
        var removed = new List<string>();
        foreach (var (key, category) in Categories)
        {
            if (!declarations.TryGetProperty(key, out var elements))
            {
                continue;
            }

            if (elements.ValueKind != JsonValueKind.Array)
            {
                throw new DdmFormatException($"management.declarations.{key} must be an array.");
            }

            var index = 0;
            foreach (var element in elements.EnumerateArray())
            {
                var path = $"management.declarations.{key}[{index++}]";
                var identifier = String(element, "identifier", path, MaxIdentifierLength);
                if (StatusItemValidator.IsRemoval(element))
                {
                    removed.Add(identifier);
                    continue;
                }

                statuses.Add(new ReportedDeclaration(
                    category.PathName(),
                    identifier,
                    String(element, "server-token", path, MaxServerTokenLength),
                    element.TryGetProperty("active", out var active) && active.ValueKind is JsonValueKind.True or JsonValueKind.False
                        ? active.GetBoolean()
                        : throw new DdmFormatException($"{path}.active must be true or false."),
                    ValidState(element, path),
                    Reasons(element, path)));
            }
        }

        return new ReportedDeclarations(true, statuses, removed);
    }

    private static string String(JsonElement element, string key, string path, int maxLength)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new DdmFormatException($"{path} must be an object.");
        }

        var text = element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return text switch
        {
            null or "" => throw new DdmFormatException($"{path}.{key} must be a non-empty string."),
            { Length: var length } when length > maxLength => throw new DdmFormatException($"{path}.{key} is longer than {maxLength} characters."),
            _ when text.Any(char.IsControl) => throw new DdmFormatException($"{path}.{key} holds control characters."),
            _ => text,
        };
    }

    private static string ValidState(JsonElement element, string path)
    {
        var valid = element.TryGetProperty("valid", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return ValidStates.FirstOrDefault(state => state == valid)
            ?? throw new DdmFormatException($"{path}.valid must be one of: {string.Join(", ", ValidStates)}.");
    }

    private static string? Reasons(JsonElement element, string path) =>
        element.TryGetProperty("reasons", out var reasons) switch
        {
            false => null,
            true when reasons.ValueKind == JsonValueKind.Array => reasons.GetArrayLength() == 0 ? null : reasons.GetRawText(),
            true => throw new DdmFormatException($"{path}.reasons must be an array."),
        };
}
