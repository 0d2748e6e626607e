using Microsoft.EntityFrameworkCore;
using SaaSMdm.Core.Data;
using SaaSMdm.TestHosts;

namespace SaaSMdm.DeviceList.Bench;

/// <summary>Contexts over the bench's database in the bench tenant, for writing what the bench arranges without going through Core.</summary>
internal static class BenchDatabase
{
    public static CoreDbContext Context(TestDatabase database, Guid tenantId)
    {
        var builder = new DbContextOptionsBuilder<CoreDbContext>();
        DatabaseServiceCollectionExtensions.Configure(builder, new DatabaseOptions { Provider = database.Provider, ConnectionString = database.ConnectionString });
        var tenant = new TenantContext();
        tenant.Enter(tenantId);
        var db = new CoreDbContext(builder.Options, tenant);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        return db;
    }
}
