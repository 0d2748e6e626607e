namespace SaaSMdm.Core.Data;

/// <summary>
/// The tenant the current request acts for. Set once per request from what authenticated the caller
/// (Edge's resolved tenant, the API caller's tenant); every query of tenant-owned data sees only its rows.
/// </summary>
public sealed class TenantContext
{
    public Guid TenantId { get; private set; }

    public bool HasTenant => TenantId != Guid.Empty;

    /// <exception cref="InvalidOperationException">the request already acts for another tenant.</exception>
    public void Enter(Guid tenantId)
    {
        if (tenantId == Guid.Empty)
        {
            throw new ArgumentException("A tenant id is required.", nameof(tenantId));
        }

        if (HasTenant && TenantId != tenantId)
        {
            throw new InvalidOperationException("This request already acts for another tenant.");
        }

        TenantId = tenantId;
    }
}
