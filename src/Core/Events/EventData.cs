using System.Text.Json;
using System.Text.Json.Nodes;
using SaaSMdm.Apple.Mdm;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Declarations.Status;

namespace SaaSMdm.Core.Events;

/// <summary>
/// The data of each event type, in one place so the shapes stay what the API reference promises. Keys are snake_case;
/// text that comes from devices is shortened, so an event stays small whatever a device sends.
/// </summary>
public static class EventData
{
    /// <summary>How many errors or reasons an event carries at most.</summary>
    private const int MaxListed = 5;

    private const int MaxTextLength = 200;

    /// <summary>device.enrolled: <c>{kind, serial_number, model, os_version, user_short_name}</c> (unknown ones null).</summary>
    public static JsonObject Enrolled(EnrollmentEntity channel, EnrollmentEntity device) => new()
    {
        ["kind"] = KindName(channel.Kind),
        ["serial_number"] = Shorten(device.SerialNumber),
        ["model"] = Shorten(device.Model),
        ["os_version"] = Shorten(device.OsVersion),
        ["user_short_name"] = Shorten(channel.UserShortName),
    };

    /// <summary>device.checked_out: <c>{reason: "check_out" | "removed", channels}</c> — channels that stopped being managed.</summary>
    public static JsonObject CheckedOut(string reason, int channels) => new() { ["reason"] = reason, ["channels"] = channels };

    /// <summary>command.acknowledged and command.error: <c>{command_uuid, request_type, status, error_chain: [{code, domain, description}]}</c>.</summary>
    public static JsonObject CommandResult(string commandUuid, string requestType, CommandResultStatus status, IReadOnlyList<CommandError> errorChain) => new()
    {
        ["command_uuid"] = commandUuid,
        ["request_type"] = requestType,
        ["status"] = status.ToString(),
        ["error_chain"] = new JsonArray([.. errorChain.Take(MaxListed).Select(error => (JsonNode)new JsonObject
        {
            ["code"] = error.ErrorCode,
            ["domain"] = Shorten(error.ErrorDomain),
            ["description"] = Shorten(error.USEnglishDescription ?? error.LocalizedDescription),
        })]),
    };

    /// <summary>status.report_received: <c>{full_report, declarations}</c> — declarations = how many declaration statuses it carried.</summary>
    public static JsonObject StatusReport(bool fullReport, int declarations) => new() { ["full_report"] = fullReport, ["declarations"] = declarations };

    /// <summary>
    /// declaration.status_changed: <c>{identifier, category, server_token, active, valid, previous_active, previous_valid, reasons}</c>;
    /// previous_* are null for the first status of the declaration, reasons lists the reasons' codes.
    /// </summary>
    public static JsonObject DeclarationStatus(ReportedDeclaration status, bool? previousActive, string? previousValid) => new()
    {
        ["identifier"] = status.Identifier,
        ["category"] = status.Category,
        ["server_token"] = status.ServerToken,
        ["active"] = status.Active,
        ["valid"] = status.Valid,
        ["previous_active"] = previousActive,
        ["previous_valid"] = previousValid,
        ["reasons"] = new JsonArray([.. ReasonCodes(status.ReasonsJson).Select(code => (JsonNode)JsonValue.Create(code))]),
    };

    /// <summary>push_certificate.expiring: <c>{topic, not_after, days_left}</c>.</summary>
    public static JsonObject PushCertificateExpiring(string topic, DateTime notAfter, int daysLeft) => new()
    {
        ["topic"] = topic,
        ["not_after"] = notAfter.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["days_left"] = daysLeft,
    };

    /// <summary>webhook.test: <c>{webhook_id}</c>.</summary>
    public static JsonObject WebhookTest(Guid webhookId) => new() { ["webhook_id"] = webhookId.ToString() };

    private static string KindName(EnrollmentKind kind) => kind switch
    {
        EnrollmentKind.Device => "device",
        EnrollmentKind.UserEnrollmentDevice => "user_enrollment_device",
        EnrollmentKind.User => "user",
        EnrollmentKind.SharedIPadUser => "shared_ipad_user",
        EnrollmentKind.UserEnrollmentUser => "user_enrollment_user",
        _ => "unknown",
    };

    /// <summary>The <c>code</c> of each reason; the reasons were stored as the device sent them, so anything else is skipped.</summary>
    private static IEnumerable<string> ReasonCodes(string? reasonsJson)
    {
        if (reasonsJson is null)
        {
            return [];
        }

        using var reasons = JsonDocument.Parse(reasonsJson);
        return reasons.RootElement.EnumerateArray()
            .Select(reason => reason.ValueKind == JsonValueKind.Object && reason.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : null)
            .OfType<string>()
            .Take(MaxListed)
            .Select(code => Shorten(code)!)
            .ToList();
    }

    private static string? Shorten(string? text) => text is { Length: > MaxTextLength } ? text[..MaxTextLength] : text;
}
