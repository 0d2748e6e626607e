using SaaSMdm.Contracts.V1;
using SaaSMdm.Portal.Tenancy;

namespace SaaSMdm.Portal;

/// <summary>Tenant roles as people read them: the names <see cref="TenantPermissions"/> gives, so the header and the pages agree.</summary>
public static class RoleNames
{
    /// <summary>The roles a person can be given, lowest first.</summary>
    public static IReadOnlyList<TenantRole> Assignable { get; } = [TenantRole.ReadOnly, TenantRole.HelpDesk, TenantRole.Admin, TenantRole.Owner];

    public static string Of(TenantRole role) => new TenantPermissions(role).RoleName;
}
