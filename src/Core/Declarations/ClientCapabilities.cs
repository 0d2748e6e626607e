using System.Text.Json;
using SaaSMdm.Apple.Ddm;

namespace SaaSMdm.Core.Declarations;

/// <summary>
/// The declaration types a device said it supports (<c>management.client-capabilities</c>). Until a device has
/// reported them, everything is assumed supported: a device that has never reported cannot be judged.
/// </summary>
public sealed class ClientCapabilities
{
    public static readonly ClientCapabilities Unknown = new(null);

    private readonly Dictionary<DeclarationCategory, HashSet<string>>? _supported;

    private ClientCapabilities(Dictionary<DeclarationCategory, HashSet<string>>? supported) => _supported = supported;

    public bool Supports(string declarationType)
    {
        if (_supported is null)
        {
            return true;
        }

        var category = DeclarationCategories.FromType(declarationType);
        return _supported.TryGetValue(category, out var types) && types.Contains(declarationType);
    }

    /// <summary>Reads the status item's value as stored; a malformed value counts as not reported.</summary>
    public static ClientCapabilities Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return Unknown;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (!document.RootElement.TryGetProperty("supported-payloads", out var payloads)
                || !payloads.TryGetProperty("declarations", out var declarations)
                || declarations.ValueKind != JsonValueKind.Object)
            {
                return Unknown;
            }

            var supported = new Dictionary<DeclarationCategory, HashSet<string>>();
            foreach (var (category, key) in CategoryKeys)
            {
                supported[category] = declarations.TryGetProperty(key, out var types) && types.ValueKind == JsonValueKind.Array
                    ? types.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToHashSet(StringComparer.Ordinal)
                    : [];
            }

            return new ClientCapabilities(supported);
        }
        catch (JsonException)
        {
            return Unknown;
        }
    }

    private static readonly (DeclarationCategory Category, string Key)[] CategoryKeys =
    [
        (DeclarationCategory.Activation, "activations"),
        (DeclarationCategory.Asset, "assets"),
        (DeclarationCategory.Configuration, "configurations"),
        (DeclarationCategory.Management, "management"),
    ];
}
