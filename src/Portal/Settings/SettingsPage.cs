using Microsoft.AspNetCore.Components;
using SaaSMdm.Portal.Components.Shared;

namespace SaaSMdm.Portal.Settings;

/// <summary>
/// A tenant page with forms that call Core: each call's refusal becomes <see cref="Error"/>, shown on the page, which
/// keeps working. After a change the page redirects (post/redirect/get) unless it has a secret to show once.
/// </summary>
public abstract class SettingsPage : TenantPage
{
    [Inject]
    protected NavigationManager Navigation { get; set; } = null!;

    /// <summary>Core's refusal of the last call, as a sentence; null when every call went through.</summary>
    protected string? Error { get; set; }

    /// <summary>Runs a call to Core; false (with <see cref="Error"/> set) when Core refused or was unreachable.</summary>
    protected async Task<bool> TryAsync(Func<Task> call)
    {
        Error = await CoreRefusals.OfAsync(call);
        return Error is null;
    }

    /// <summary>
    /// Back to the page with the key of a notice that the change was made; the page maps keys to its own sentences,
    /// so a crafted link cannot put words on the page.
    /// </summary>
    protected void Done(string page, string noticeKey) =>
        Navigation.NavigateTo($"{Tenant.Path(page)}?done={Uri.EscapeDataString(noticeKey)}");
}
