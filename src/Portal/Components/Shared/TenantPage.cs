using Microsoft.AspNetCore.Components;
using SaaSMdm.Portal.Tenancy;

namespace SaaSMdm.Portal.Components.Shared;

/// <summary>
/// A page of one tenant, at <c>/t/{TenantSlug}/...</c>. <see cref="TenantMiddleware"/> has already checked that the
/// signed-in person may open it; every call to Core names <see cref="Tenant"/>'s id.
/// </summary>
public abstract class TenantPage : CorePage
{
    [Parameter]
    public string TenantSlug { get; set; } = "";

    [Inject]
    private CurrentTenant Current { get; set; } = null!;

    protected TenantChoice Tenant => Current.Value;

    protected TenantPermissions Can => Current.Value.Permissions;
}
