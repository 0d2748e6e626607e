namespace SaaSMdm.Portal.Components.Pages.Settings;

/// <summary>A webhook's editable fields as posted (its event types are read from the form apart, see <see cref="WebhookFields"/>).</summary>
internal sealed class WebhookForm
{
    public string? Url { get; set; }

    public string? Description { get; set; }
}
