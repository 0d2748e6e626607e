using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Tenants;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Gateway;

/// <summary>Puts a gateway call in the tenant it names, so every query after it sees that tenant's rows only.</summary>
public sealed class GatewayTenants(ITenantStore tenants, TenantContext context)
{
    /// <exception cref="InvalidArgumentException">the id is not a UUID.</exception>
    /// <exception cref="NotFoundException">no tenant has the id.</exception>
    public async Task<TenantEntity> EnterAsync(string tenantId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(tenantId, out var id) || id == Guid.Empty)
        {
            throw new InvalidArgumentException("tenant_id must be a UUID.");
        }

        var tenant = await tenants.FindByIdAsync(id, cancellationToken) ?? throw new NotFoundException($"Unknown tenant '{id}'.");
        context.Enter(tenant.Id);
        return tenant;
    }
}
