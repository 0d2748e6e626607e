namespace SaaSMdm.Portal.Settings;

/// <summary>The event types a webhook can subscribe to, as Core's event log knows them (Core checks them again).</summary>
public static class WebhookEventChoices
{
    public static IReadOnlyList<string> All { get; } =
    [
        "device.enrolled", "device.checked_out", "command.acknowledged", "command.error", "status.report_received",
        "declaration.status_changed", "push_certificate.expiring",
    ];
}
