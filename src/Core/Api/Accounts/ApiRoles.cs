using SaaSMdm.Rpc;
using ApiTenantRole = SaaSMdm.Contracts.V1.TenantRole;
using TenantRole = SaaSMdm.Core.Data.Entities.TenantRole;

namespace SaaSMdm.Core.Api.Accounts;

/// <summary>Roles between the API's enum and the stored one.</summary>
public static class ApiRoles
{
    /// <summary>The role a request names; an unspecified or unknown value is refused.</summary>
    public static TenantRole Read(ApiTenantRole role, string field) => role switch
    {
        ApiTenantRole.ReadOnly => TenantRole.ReadOnly,
        ApiTenantRole.HelpDesk => TenantRole.HelpDesk,
        ApiTenantRole.Admin => TenantRole.Admin,
        ApiTenantRole.Owner => TenantRole.Owner,
        _ => throw new InvalidArgumentException(
            $"{field} must be TENANT_ROLE_READ_ONLY, TENANT_ROLE_HELP_DESK, TENANT_ROLE_ADMIN or TENANT_ROLE_OWNER."),
    };

    /// <summary>A role for an answer; none is TENANT_ROLE_UNSPECIFIED.</summary>
    public static ApiTenantRole ToApi(TenantRole? role) => role switch
    {
        TenantRole.ReadOnly => ApiTenantRole.ReadOnly,
        TenantRole.HelpDesk => ApiTenantRole.HelpDesk,
        TenantRole.Admin => ApiTenantRole.Admin,
        TenantRole.Owner => ApiTenantRole.Owner,
        _ => ApiTenantRole.Unspecified,
    };
}
