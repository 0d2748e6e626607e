using System.Collections.Frozen;
using SaaSMdm.Contracts;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Events;

/// <summary>The event types of the event log (see <see cref="EventData"/> for each one's data), and the webhooks' test event.</summary>
public static class EventTypes
{
    public const string DeviceEnrolled = "device.enrolled";
    public const string DeviceCheckedOut = "device.checked_out";
    public const string CommandAcknowledged = "command.acknowledged";
    public const string CommandError = "command.error";
    public const string StatusReportReceived = "status.report_received";
    public const string DeclarationStatusChanged = "declaration.status_changed";
    public const string PushCertificateExpiring = "push_certificate.expiring";

    /// <summary>Sent to one webhook by SendTestEvent; never in the event log.</summary>
    public const string WebhookTest = "webhook.test";

    /// <summary>A filter longer than this names some type twice.</summary>
    private const int MaxFilterLength = 16;

    /// <summary>Every type the event log holds, in the order the API reference lists them.</summary>
    public static IReadOnlyList<string> Logged { get; } =
    [
        DeviceEnrolled, DeviceCheckedOut, CommandAcknowledged, CommandError, StatusReportReceived, DeclarationStatusChanged, PushCertificateExpiring,
    ];

    private static readonly FrozenSet<string> Known = Logged.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A caller's type filter: distinct known types; empty means every type.</summary>
    /// <exception cref="InvalidArgumentException">a type is unknown, or the list is absurdly long.</exception>
    public static string[] ParseFilter(IEnumerable<string> types, string field)
    {
        var list = types.ToList();
        if (list.Count > MaxFilterLength)
        {
            throw new InvalidArgumentException($"{field} names at most {MaxFilterLength} types.");
        }

        foreach (var type in list.Where(type => !Known.Contains(type)))
        {
            throw new InvalidArgumentException($"{field}: unknown event type '{CallerText.Shorten(type)}'; known types: {string.Join(", ", Logged)}.");
        }

        return [.. list.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }
}
