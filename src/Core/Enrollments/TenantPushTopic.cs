using Microsoft.EntityFrameworkCore;
using SaaSMdm.Core.Data;

namespace SaaSMdm.Core.Enrollments;

/// <summary>The APNs topic of the current tenant's push certificate, which every enrollment of the tenant listens on.</summary>
public sealed class TenantPushTopic(CoreDbContext db)
{
    /// <summary>Null while the tenant has no push certificate.</summary>
    public Task<string?> FindAsync(CancellationToken cancellationToken) =>
        db.PushCertificates.Select(p => p.Topic).FirstOrDefaultAsync(cancellationToken);
}
