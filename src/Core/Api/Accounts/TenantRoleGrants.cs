using Microsoft.EntityFrameworkCore;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Identity;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Api.Accounts;

/// <summary>
/// Who may give or take a role in the request's tenant: only a caller holding there every scope the role allows (no
/// one makes a person mightier than themselves), and the Owner role only an owner of the tenant or an operator.
/// </summary>
public sealed class TenantRoleGrants(CurrentCaller current, TenantAccess access, TenantContext tenant, CoreDbContext db)
{
    /// <exception cref="PermissionDeniedException">the caller may not grant or take away <paramref name="role"/>.</exception>
    public async Task RequireMayGrantAsync(TenantRole role, CancellationToken cancellationToken)
    {
        var beyond = ApiScopes.OfRole(role).Where(scope => !current.Has(scope)).ToList();
        if (beyond.Count > 0)
        {
            throw new PermissionDeniedException(
                $"The role {role} allows scopes this caller does not hold in the tenant ({ApiScopes.Format(beyond)}), so it may not grant or take it away.");
        }

        if (role == TenantRole.Owner && !await IsOwnerAsync(cancellationToken))
        {
            throw new PermissionDeniedException("Only an owner of the tenant or an operator may grant or take away the Owner role.");
        }
    }

    private async Task<bool> IsOwnerAsync(CancellationToken cancellationToken)
    {
        var caller = current.Caller;
        if (await access.IsOperatorAsync(caller, cancellationToken))
        {
            return true;
        }

        if (caller.Kind != CallerKind.Person)
        {
            return false;
        }

        var msp = await db.Tenants.AsNoTracking().Where(t => t.Id == tenant.TenantId).Select(t => t.MspOrganizationId).SingleAsync(cancellationToken);
        return await access.RoleInTenantAsync(caller.SubjectId, tenant.TenantId, msp, cancellationToken) == TenantRole.Owner;
    }
}
