using System.Text.Json;
using System.Text.Json.Nodes;
using SaaSMdm.Apple.Ddm;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Declarations.Status;
using Declaration = SaaSMdm.Apple.Ddm.Declaration;

namespace SaaSMdm.Core.Api.DeclarativeStatus;

/// <summary>
/// Software updates the declarative way, for one channel: the <c>softwareupdate.*</c> status items from its
/// status tree, and the specific-version enforcements effective for it with how each stands.
/// </summary>
public static class SoftwareUpdateSummary
{
    public const string EnforcementType = "com.apple.configuration.softwareupdate.enforcement.specific";

    public static SoftwareUpdateStatus From(JsonObject tree, IEnumerable<Declaration> effective, IReadOnlyDictionary<string, DeclarationStatusEntity> rows)
    {
        var update = tree["softwareupdate"] as JsonObject;
        var summary = new SoftwareUpdateStatus
        {
            InstallState = Text(update?["install-state"]),
            PendingOsVersion = Text(update?["pending-version"]?["os-version"]),
            PendingBuildVersion = Text(update?["pending-version"]?["build-version"]),
            FailureReason = Text(update?["failure-reason"]?["reason"]),
            FailureCount = update?["failure-reason"]?["count"] is JsonValue count && count.GetValueKind() == JsonValueKind.Number && count.TryGetValue(out long value) ? value : 0,
            FailureTimestamp = Text(update?["failure-reason"]?["timestamp"]),
            InstallDeclarationId = Text(update?["install-reason"]?["declaration-id"]),
        };
        if (update?["install-reason"]?["reason"] is JsonArray reasons)
        {
            summary.InstallReasons.AddRange(reasons.Select(Text).Where(reason => reason.Length > 0));
        }

        foreach (var declaration in effective.Where(d => d.Type == EnforcementType).OrderBy(d => d.Identifier, StringComparer.Ordinal))
        {
            summary.Enforcements.Add(new SoftwareUpdateEnforcement
            {
                Identifier = declaration.Identifier,
                TargetOsVersion = PayloadText(declaration, "TargetOSVersion"),
                TargetBuildVersion = PayloadText(declaration, "TargetBuildVersion"),
                TargetLocalDateTime = PayloadText(declaration, "TargetLocalDateTime"),
                DetailsUrl = PayloadText(declaration, "DetailsURL"),
                State = DeclarationStates.From(DeclarationOutcomes.Judge(rows.GetValueOrDefault(declaration.Identifier), declaration.ServerToken)),
            });
        }

        return summary;
    }

    private static string Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : string.Empty;

    private static string PayloadText(Declaration declaration, string key) =>
        declaration.Payload.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
}
