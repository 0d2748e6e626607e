using SaaSMdm.Contracts.V1;

namespace SaaSMdm.Portal.Tenancy;

/// <summary>
/// What the portal offers a role. Core decides by the same roles and refuses anything beyond them; this only keeps
/// buttons that would be refused off the page.
/// </summary>
public sealed record TenantPermissions(TenantRole Role)
{
    /// <summary>Refresh inventory, lock, restart, shut down: the help desk's everyday commands.</summary>
    public bool CanSendEverydayCommands => Role >= TenantRole.HelpDesk;

    /// <summary>Erase, clear the passcode, remove management, and every change to settings, declarations and enrollment.</summary>
    public bool CanAdminister => Role >= TenantRole.Admin;

    /// <summary>People, their roles and API clients.</summary>
    public bool CanManageAccess => Role >= TenantRole.Owner;

    public string RoleName => Role switch
    {
        TenantRole.ReadOnly => "Read-only",
        TenantRole.HelpDesk => "Help desk",
        TenantRole.Admin => "Admin",
        TenantRole.Owner => "Owner",
        _ => "No access",
    };
}
