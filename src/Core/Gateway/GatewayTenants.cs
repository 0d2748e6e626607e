using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Tenants;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Gateway;

/// <summary>Puts a gateway call in the tenant it names, so every query after it sees that tenant's rows only.</summary>
public sealed class GatewayTenants(ITenantStore tenants, TenantContext context, KnownTenants known)
{
    /// <summary>Enters the tenant and returns its current row (for calls that use its settings).</summary>
    /// <exception cref="InvalidArgumentException">the id is not a UUID.</exception>
    /// <exception cref="NotFoundException">no tenant has the id.</exception>
    public async Task<TenantEntity> EnterAsync(string tenantId, CancellationToken cancellationToken)
    {
        var id = Parse(tenantId);
        var tenant = await tenants.FindByIdAsync(id, cancellationToken) ?? throw Unknown(id);
        known.Add(id);
        context.Enter(id);
        return tenant;
    }

    /// <summary>Enters the tenant, looking it up only the first time this replica sees it.</summary>
    /// <exception cref="InvalidArgumentException">the id is not a UUID.</exception>
    /// <exception cref="NotFoundException">no tenant has the id.</exception>
    public async Task EnterExistingAsync(string tenantId, CancellationToken cancellationToken)
    {
        var id = Parse(tenantId);
        if (!known.Contains(id))
        {
            _ = await tenants.FindByIdAsync(id, cancellationToken) ?? throw Unknown(id);
            known.Add(id);
        }

        context.Enter(id);
    }

    private static Guid Parse(string tenantId) =>
        Guid.TryParse(tenantId, out var id) && id != Guid.Empty ? id : throw new InvalidArgumentException("tenant_id must be a UUID.");

    private static NotFoundException Unknown(Guid id) => new($"Unknown tenant '{id}'.");
}
