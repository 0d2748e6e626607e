using System.Text.Json.Nodes;
using SaaSMdm.Apple.Ddm;
using SaaSMdm.Apple.Schema;
using SaaSMdm.DeviceSim.Hardware;

namespace SaaSMdm.DeviceSim.Declarative;

/// <summary>
/// What a device's OS takes: every declaration type and status item Apple's schema introduces for its system at
/// or before its version (iPads run iOS's), less the types <see cref="DeclarativeBehavior.UnsupportedTypes"/> refuses.
/// </summary>
public sealed class ClientCapabilities
{
    /// <summary>The protocol versions of iOS 17 / macOS 14 and later.</summary>
    private static readonly string[] SupportedVersions = ["1.0.0", "1.1.0", "1.2.0", "1.3.0", "1.4.0"];

    private readonly HashSet<string> _declarationTypes;

    private ClientCapabilities(IEnumerable<string> declarationTypes, IEnumerable<string> statusItems)
    {
        _declarationTypes = new HashSet<string>(declarationTypes, StringComparer.Ordinal);
        StatusItems = new SortedSet<string>(statusItems, StringComparer.Ordinal);
    }

    public IReadOnlySet<string> DeclarationTypes => _declarationTypes;

    public IReadOnlySet<string> StatusItems { get; }

    public static ClientCapabilities For(DeviceFacts facts, DeclarativeBehavior behavior, AppleSchemaCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(behavior);
        catalog ??= AppleSchemaCatalog.Default;
        var system = facts.IsMac ? "macOS" : "iOS";
        var version = facts.OperatingSystem.Version;
        IEnumerable<string> Available(SchemaKind kind) => catalog.OfKind(kind)
            .Where(document => document.SupportedOS.TryGetValue(system, out var support) && VersionOrder.IntroducedBy(support.Introduced, version))
            .Select(document => document.TypeName);

        return new ClientCapabilities(
            Available(SchemaKind.Declaration).Where(type => !behavior.UnsupportedTypes.Contains(type)),
            Available(SchemaKind.StatusItem));
    }

    public bool Supports(string declarationType) => _declarationTypes.Contains(declarationType);

    /// <summary>The <c>management.client-capabilities</c> status value.</summary>
    public JsonObject ToStatusValue()
    {
        var declarations = new JsonObject();
        foreach (var category in Enum.GetValues<DeclarationCategory>())
        {
            var prefix = $"com.apple.{category.PathName()}.";
            declarations[PluralName(category)] = Strings(_declarationTypes.Where(type => type.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        }

        return new JsonObject
        {
            ["supported-versions"] = Strings(SupportedVersions),
            ["supported-features"] = new JsonObject(),
            ["supported-payloads"] = new JsonObject
            {
                ["declarations"] = declarations,
                ["status-items"] = Strings(StatusItems),
            },
        };
    }

    /// <summary>The key a category's list has in status: <c>activations</c>, <c>assets</c>, <c>configurations</c>, <c>management</c>.</summary>
    internal static string PluralName(DeclarationCategory category) =>
        category == DeclarationCategory.Management ? "management" : category.PathName() + "s";

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(value => (JsonNode)JsonValue.Create(value))]);
}
