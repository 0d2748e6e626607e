using Microsoft.EntityFrameworkCore;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Identity;

/// <summary>
/// Which tenants a caller may act in, and with which scopes: an operator everywhere; an API client in its own tenant
/// or its MSP's tenants; a person where a tenant or MSP membership gives a role (the role's scopes).
/// Scoped to one request, which has one caller: a person's row is read once however many checks ask about it.
/// </summary>
public sealed class TenantAccess(CoreDbContext db)
{
    private (Guid PersonId, bool? IsOperator)? _person;

    /// <summary>
    /// The scopes <paramref name="caller"/> has in <paramref name="tenantId"/>; null when it may not act there at all,
    /// or the tenant does not exist (only operators, who may see every tenant, learn which).
    /// </summary>
    /// <exception cref="NotFoundException">an operator named a tenant that does not exist.</exception>
    public async Task<IReadOnlySet<string>?> ScopesInTenantAsync(ApiCaller caller, Guid tenantId, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId)
            .Select(t => new { t.Id, t.MspOrganizationId }).SingleOrDefaultAsync(cancellationToken);
        var isOperator = caller.IsOperator || (caller.Kind == CallerKind.Person && await IsOperatorAsync(caller.SubjectId, cancellationToken));
        if (tenant is null)
        {
            return isOperator ? throw new NotFoundException($"No tenant with id '{tenantId}'.") : null;
        }

        if (isOperator)
        {
            return caller.Scopes;
        }

        if (caller.Kind == CallerKind.Client)
        {
            var allowed = caller.TenantId == tenantId || (caller.MspOrganizationId is { } msp && tenant.MspOrganizationId == msp);
            return allowed ? caller.Scopes : null;
        }

        var role = await RoleInTenantAsync(caller.SubjectId, tenantId, tenant.MspOrganizationId, cancellationToken);
        return role is { } granted ? caller.Scopes.Intersect(ApiScopes.OfRole(granted)).ToHashSet(StringComparer.Ordinal) : null;
    }

    /// <summary>Whether the token's subject still exists: a revoked client or a deleted person is refused at once.</summary>
    public Task<bool> IsActiveAsync(ApiCaller caller, CancellationToken cancellationToken) =>
        caller.Kind == CallerKind.Client
            ? db.ApiClients.AsNoTracking().AnyAsync(c => c.Id == caller.SubjectId && c.RevokedAt == null, cancellationToken)
            : PersonExistsAsync(caller.SubjectId, cancellationToken);

    /// <summary>The tenants <paramref name="caller"/> may act in, as a query to page over.</summary>
    public async Task<IQueryable<TenantEntity>> AccessibleTenantsAsync(ApiCaller caller, CancellationToken cancellationToken)
    {
        if (caller.IsOperator || (caller.Kind == CallerKind.Person && await IsOperatorAsync(caller.SubjectId, cancellationToken)))
        {
            return db.Tenants;
        }

        if (caller.Kind == CallerKind.Client)
        {
            return db.Tenants.Where(t => t.Id == caller.TenantId || (caller.MspOrganizationId != null && t.MspOrganizationId == caller.MspOrganizationId));
        }

        var person = caller.SubjectId;
        return db.Tenants.Where(t =>
            db.TenantMemberships.Any(m => m.PersonId == person && m.TenantId == t.Id)
            || db.MspMemberships.Any(m => m.PersonId == person && m.MspOrganizationId == t.MspOrganizationId));
    }

    /// <summary>Whether the caller may create tenants, and for which MSP (null: an operator, creating a tenant of no MSP).</summary>
    public async Task<(bool Allowed, Guid? MspOrganizationId)> TenantCreatorAsync(ApiCaller caller, CancellationToken cancellationToken)
    {
        if (caller.Kind == CallerKind.Client)
        {
            return caller.IsOperator ? (true, null) : caller.MspOrganizationId is { } msp ? (true, msp) : (false, null);
        }

        if (await IsOperatorAsync(caller.SubjectId, cancellationToken))
        {
            return (true, null);
        }

        var person = caller.SubjectId;
        var adminOf = await db.MspMemberships.AsNoTracking()
            .Where(m => m.PersonId == person && m.Role >= TenantRole.Admin)
            .Select(m => m.MspOrganizationId).Take(2).ToListAsync(cancellationToken);
        return adminOf.Count switch
        {
            0 => (false, null),
            1 => (true, adminOf[0]),
            // Filing the tenant under the wrong MSP would hand it to that MSP's people and clients.
            _ => throw new FailedPreconditionException("You administer several MSP organizations, so the new tenant's MSP is ambiguous: create it with that MSP's API client, or ask an operator."),
        };
    }

    /// <summary>Whether <paramref name="caller"/> runs the service: an operator client, or a person marked operator now.</summary>
    public async Task<bool> IsOperatorAsync(ApiCaller caller, CancellationToken cancellationToken) =>
        caller.IsOperator || (caller.Kind == CallerKind.Person && await IsOperatorAsync(caller.SubjectId, cancellationToken));

    private async Task<bool> IsOperatorAsync(Guid personId, CancellationToken cancellationToken) =>
        await OperatorFlagAsync(personId, cancellationToken) == true;

    private async Task<bool> PersonExistsAsync(Guid personId, CancellationToken cancellationToken) =>
        await OperatorFlagAsync(personId, cancellationToken) is not null;

    /// <summary>The person's operator flag; null when there is no such person.</summary>
    private async Task<bool?> OperatorFlagAsync(Guid personId, CancellationToken cancellationToken)
    {
        if (_person is not { } known || known.PersonId != personId)
        {
            var flag = await db.Users.AsNoTracking().Where(p => p.Id == personId).Select(p => (bool?)p.IsOperator).SingleOrDefaultAsync(cancellationToken);
            _person = known = (personId, flag);
        }

        return known.IsOperator;
    }

    /// <summary>A person's role in a tenant: the higher of their own and their role in the tenant's MSP; null when neither.</summary>
    public async Task<TenantRole?> RoleInTenantAsync(Guid personId, Guid tenantId, Guid? mspId, CancellationToken cancellationToken)
    {
        var direct = await db.TenantMemberships.AsNoTracking()
            .Where(m => m.PersonId == personId && m.TenantId == tenantId).Select(m => (TenantRole?)m.Role).SingleOrDefaultAsync(cancellationToken);
        var viaMsp = mspId is { } msp
            ? await db.MspMemberships.AsNoTracking()
                .Where(m => m.PersonId == personId && m.MspOrganizationId == msp).Select(m => (TenantRole?)m.Role).SingleOrDefaultAsync(cancellationToken)
            : null;
        return Higher(direct, viaMsp);
    }

    /// <summary>What a person holding both roles may do: the higher one (either may be none).</summary>
    public static TenantRole? Higher(TenantRole? direct, TenantRole? viaMsp) =>
        direct is null ? viaMsp : viaMsp is null ? direct : (TenantRole)Math.Max((int)direct, (int)viaMsp);
}
