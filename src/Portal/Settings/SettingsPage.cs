using Microsoft.AspNetCore.Components;
using SaaSMdm.Portal.Components.Shared;

namespace SaaSMdm.Portal.Settings;

/// <summary>
/// A settings page: after a change it redirects (post/redirect/get) with a notice key, unless it has a secret to show once.
/// </summary>
public abstract class SettingsPage : TenantPage
{
    [Inject]
    protected NavigationManager Navigation { get; set; } = null!;

    /// <summary>
    /// Back to the page with the key of a notice that the change was made; the page maps keys to its own sentences,
    /// so a crafted link cannot put words on the page.
    /// </summary>
    protected void Done(string page, string noticeKey) =>
        Navigation.NavigateTo($"{Tenant.Path(page)}?done={Uri.EscapeDataString(noticeKey)}");
}
