using Microsoft.EntityFrameworkCore;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Identity;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Api.Accounts;

/// <summary>
/// Who may manage an MSP organization's people and clients: operators, and the MSP's own owners (as in a tenant,
/// admins run everything but people and API clients: either would hand out access to every tenant of the MSP). Like
/// tenants, an MSP a caller may not manage is refused the same whether it exists or not; only operators learn which.
/// </summary>
public sealed class MspAccess(CoreDbContext db, TenantAccess access, CurrentCaller current)
{
    /// <exception cref="PermissionDeniedException">the caller is not an operator.</exception>
    public async Task RequireOperatorAsync(string what, CancellationToken cancellationToken)
    {
        if (!await access.IsOperatorAsync(current.Caller, cancellationToken))
        {
            throw new PermissionDeniedException($"Only operators may {what}.");
        }
    }

    /// <summary>The caller's standing in the MSP <paramref name="mspOrganizationId"/> names.</summary>
    /// <exception cref="InvalidArgumentException">the id is malformed.</exception>
    /// <exception cref="NotFoundException">an operator named an MSP that does not exist.</exception>
    /// <exception cref="PermissionDeniedException">the caller is neither an operator nor an owner of the MSP.</exception>
    public async Task<MspManager> RequireManagerAsync(string mspOrganizationId, CancellationToken cancellationToken)
    {
        var mspId = AccountInput.Id(mspOrganizationId, "msp_organization_id");
        if (await access.IsOperatorAsync(current.Caller, cancellationToken))
        {
            return await db.MspOrganizations.AnyAsync(m => m.Id == mspId, cancellationToken)
                ? new MspManager(mspId, Role: null)
                : throw new NotFoundException($"No MSP organization with id '{mspId}'.");
        }

        var caller = current.Caller;
        var role = caller.Kind == CallerKind.Person
            ? await db.MspMemberships.AsNoTracking().Where(m => m.MspOrganizationId == mspId && m.PersonId == caller.SubjectId)
                .Select(m => (TenantRole?)m.Role).SingleOrDefaultAsync(cancellationToken)
            : null;
        return role == TenantRole.Owner
            ? new MspManager(mspId, role)
            : throw new PermissionDeniedException($"Only operators and the owners of MSP organization '{mspId}' may manage its people and API clients.");
    }
}

/// <summary>A caller allowed to manage an MSP: an operator (<see cref="Role"/> null) or one of its owners.</summary>
public sealed record MspManager(Guid MspOrganizationId, TenantRole? Role)
{
    /// <summary>No one grants, changes or takes away a role above their own: Owner is for owners and operators.</summary>
    /// <exception cref="PermissionDeniedException">the role is above the caller's.</exception>
    public void RequireMayGrant(TenantRole role)
    {
        if (Role is { } own && role > own)
        {
            throw new PermissionDeniedException($"An MSP's {own} may not grant or take away the role {role}.");
        }
    }

    /// <summary>What the MSP's new client may hold: an operator's own scopes; a member's role's scopes, and creating tenants.</summary>
    public IReadOnlySet<string> GrantableScopes(IReadOnlySet<string> callerScopes) =>
        Role is { } own
            ? callerScopes.Where(scope => ApiScopes.OfRole(own).Contains(scope) || scope == ApiScopes.TenantsWrite).ToHashSet(StringComparer.Ordinal)
            : callerScopes;
}
