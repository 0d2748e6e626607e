using System.Collections.Concurrent;

namespace SaaSMdm.Core.Gateway;

/// <summary>
/// Tenant ids seen to exist. Tenants are never deleted, so once known an id stays valid and the hot device
/// requests (check-in, connect, SCEP) need not look it up again. Only ids that exist are kept, so the set is
/// bounded by the number of tenants.
/// </summary>
public sealed class KnownTenants
{
    private readonly ConcurrentDictionary<Guid, bool> _ids = new();

    public bool Contains(Guid tenantId) => _ids.ContainsKey(tenantId);

    public void Add(Guid tenantId) => _ids.TryAdd(tenantId, true);
}
