using System.Text.Json;
using System.Text.Json.Nodes;
using SaaSMdm.Apple.Ddm;
using SaaSMdm.DeviceSim.Hardware;

namespace SaaSMdm.DeviceSim.Declarative;

/// <summary>
/// Decides each held declaration's status as a device does. Types the OS does not take are invalid. An
/// activation is active when its predicate holds (unparseable: invalid). A configuration applies only while an
/// active activation references it; applying fails when an asset it references is missing, or when a
/// <c>management.test</c> configuration asks for failure. An asset is active while an applied configuration
/// references it; management declarations are never active.
/// </summary>
internal static class DeclarationEvaluator
{
    private const string ManagementProperties = "com.apple.management.properties";
    private const string StatusSubscriptions = "com.apple.configuration.management.status-subscriptions";
    private const string SoftwareUpdateEnforcement = "com.apple.configuration.softwareupdate.enforcement.specific";
    private const string ManagementTest = "com.apple.configuration.management.test";

    public static DeclarativeEvaluation Evaluate(
        IReadOnlyDictionary<string, Declaration> held, DeviceFacts facts, ClientCapabilities capabilities, SoftwareUpdateEnforcement? previousUpdate)
    {
        var statuses = new Dictionary<string, DeclarationStatus>(StringComparer.Ordinal);
        var byCategory = held.Values.ToLookup(declaration => declaration.Category);
        foreach (var declaration in held.Values.Where(declaration => !capabilities.Supports(declaration.Type)))
        {
            statuses[declaration.Identifier] = DeclarationStatus.Invalid(DeclarationReasons.For(
                declaration, "Error.ConfigurationNotSupported", $"{declaration.Type} is not supported on {facts.Platform} {facts.OperatingSystem.Version}."));
        }

        var predicateFacts = new PredicateFacts(MergedProperties(byCategory[DeclarationCategory.Management], statuses), DeviceStatusItems.FromFacts(facts));
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var activation in byCategory[DeclarationCategory.Activation].Where(declaration => !statuses.ContainsKey(declaration.Identifier)))
        {
            var status = EvaluateActivation(activation, predicateFacts);
            statuses[activation.Identifier] = status;
            if (status.Active)
            {
                referenced.UnionWith(Strings(activation.Payload, "StandardConfigurations"));
            }
        }

        var assetsInUse = new HashSet<string>(StringComparer.Ordinal);
        foreach (var configuration in byCategory[DeclarationCategory.Configuration].Where(declaration => !statuses.ContainsKey(declaration.Identifier)))
        {
            var status = referenced.Contains(configuration.Identifier)
                ? Apply(configuration, held)
                : DeclarationStatus.Inactive(DeclarationReasons.For(configuration, "Info.NotReferencedByActivation", "No active activation references this configuration."));
            statuses[configuration.Identifier] = status;
            if (status.Active)
            {
                assetsInUse.UnionWith(AssetReferences(configuration.Payload));
            }
        }

        foreach (var asset in byCategory[DeclarationCategory.Asset].Where(declaration => !statuses.ContainsKey(declaration.Identifier)))
        {
            statuses[asset.Identifier] = assetsInUse.Contains(asset.Identifier)
                ? DeclarationStatus.ActiveAndValid
                : DeclarationStatus.Inactive(DeclarationReasons.For(asset, "Info.NotReferencedByConfiguration", "No applied configuration references this asset."));
        }

        foreach (var management in byCategory[DeclarationCategory.Management].Where(declaration => !statuses.ContainsKey(declaration.Identifier)))
        {
            statuses[management.Identifier] = DeclarationStatus.Inactive();
        }

        var applied = byCategory[DeclarationCategory.Configuration].Where(configuration => statuses[configuration.Identifier].Active).ToArray();
        var subscriptions = applied
            .Where(configuration => configuration.Type == StatusSubscriptions)
            .SelectMany(configuration => Elements(configuration.Payload, "StatusItems"))
            .Select(item => item.TryGetProperty("Name", out var name) ? name.GetString() : null)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var enforcement = applied.Where(configuration => configuration.Type == SoftwareUpdateEnforcement).OrderBy(configuration => configuration.Identifier, StringComparer.Ordinal).FirstOrDefault();
        return new DeclarativeEvaluation(statuses, subscriptions, NextSoftwareUpdate(enforcement, facts, previousUpdate));
    }

    private static DeclarationStatus EvaluateActivation(Declaration activation, IPredicateFacts facts)
    {
        if (!activation.Payload.TryGetProperty("Predicate", out var predicate) || predicate.ValueKind != JsonValueKind.String)
        {
            return DeclarationStatus.ActiveAndValid;
        }

        try
        {
            return ActivationPredicate.Parse(predicate.GetString()!).Evaluate(facts)
                ? DeclarationStatus.ActiveAndValid
                : DeclarationStatus.Inactive(DeclarationReasons.For(activation, "Info.Predicate", "The predicate evaluated to false."));
        }
        catch (PredicateFormatException e)
        {
            return DeclarationStatus.Invalid(DeclarationReasons.For(
                activation, "Error.UnableToParsePredicate", e.Message, new JsonObject { ["Predicate"] = predicate.GetString() }));
        }
    }

    private static DeclarationStatus Apply(Declaration configuration, IReadOnlyDictionary<string, Declaration> held)
    {
        var missing = AssetReferences(configuration.Payload)
            .Where(identifier => !held.TryGetValue(identifier, out var asset) || asset.Category != DeclarationCategory.Asset)
            .ToArray();
        if (missing.Length > 0)
        {
            return DeclarationStatus.Invalid(DeclarationReasons.For(
                configuration, "Error.MissingAssets", $"Missing assets: {string.Join(", ", missing)}.",
                new JsonObject { ["Assets"] = new JsonArray([.. missing.Select(identifier => (JsonNode)JsonValue.Create(identifier))]) }));
        }

        if (configuration.Type == ManagementTest
            && configuration.Payload.TryGetProperty("ReturnStatus", out var returnStatus)
            && returnStatus.ValueKind == JsonValueKind.String
            && returnStatus.GetString() == "Failed")
        {
            return DeclarationStatus.Invalid(DeclarationReasons.For(
                configuration, "Error.ConfigurationCannotBeApplied", "The test configuration asked to fail.",
                new JsonObject { ["Echo"] = configuration.Payload.TryGetProperty("Echo", out var echo) ? echo.ToString() : string.Empty }));
        }

        return DeclarationStatus.ActiveAndValid;
    }

    /// <summary>An enforcement newer than the running OS: downloading when it first applies, prepared from the next evaluation on.</summary>
    private static SoftwareUpdateEnforcement? NextSoftwareUpdate(Declaration? enforcement, DeviceFacts facts, SoftwareUpdateEnforcement? previous)
    {
        if (enforcement is null
            || !enforcement.Payload.TryGetProperty("TargetOSVersion", out var version) || version.GetString() is not { } target
            || !VersionOrder.IsVersion(target) || VersionOrder.Compare(target, facts.OperatingSystem.Version) <= 0)
        {
            return null;
        }

        var build = enforcement.Payload.TryGetProperty("TargetBuildVersion", out var buildValue) ? buildValue.GetString() : null;
        var deadline = enforcement.Payload.TryGetProperty("TargetLocalDateTime", out var dateTime) ? dateTime.GetString() ?? string.Empty : string.Empty;
        var unchanged = previous is not null && previous.DeclarationIdentifier == enforcement.Identifier && previous.TargetOSVersion == target;
        return new SoftwareUpdateEnforcement(enforcement.Identifier, target, build, deadline, unchanged ? "prepared" : "downloading");
    }

    /// <summary>The keys of every valid <c>management.properties</c> declaration; on a clash the identifier sorting last wins.</summary>
    private static Dictionary<string, JsonElement> MergedProperties(IEnumerable<Declaration> management, Dictionary<string, DeclarationStatus> invalid)
    {
        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var declaration in management
            .Where(declaration => declaration.Type == ManagementProperties && !invalid.ContainsKey(declaration.Identifier))
            .OrderBy(declaration => declaration.Identifier, StringComparer.Ordinal))
        {
            foreach (var property in declaration.Payload.EnumerateObject())
            {
                properties[property.Name] = property.Value;
            }
        }

        return properties;
    }

    /// <summary>Identifiers in the payload's top-level <c>…AssetReference</c> keys (strings or arrays of strings).</summary>
    private static IEnumerable<string> AssetReferences(JsonElement payload) => payload.EnumerateObject()
        .Where(property => property.Name.EndsWith("AssetReference", StringComparison.Ordinal) || property.Name.EndsWith("AssetReferences", StringComparison.Ordinal))
        .SelectMany(property => property.Value.ValueKind == JsonValueKind.Array ? property.Value.EnumerateArray().ToArray() : [property.Value])
        .Where(value => value.ValueKind == JsonValueKind.String)
        .Select(value => value.GetString()!);

    private static IEnumerable<string> Strings(JsonElement payload, string key) =>
        Elements(payload, key).Where(value => value.ValueKind == JsonValueKind.String).Select(value => value.GetString()!);

    private static IEnumerable<JsonElement> Elements(JsonElement payload, string key) =>
        payload.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];
}
