using Microsoft.EntityFrameworkCore;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Push;

/// <summary>Development mode: every tenant gets a push certificate from the in-process fake APNs' CA, with a topic of its own.</summary>
public sealed class DevelopmentPushCertificates(CoreDbContext db, DevelopmentApns apns, PushCertificateRecords records) : IPushCertificateProvisioning
{
    public void AddFor(TenantEntity tenant)
    {
        var topic = $"com.apple.mgmt.External.{Guid.NewGuid()}";
        using var certificate = apns.Authority.IssuePushCertificate(topic);
        db.PushCertificates.Add(records.Create(tenant.Id, certificate, topic, isDevelopment: true));
    }

    public async Task AddMissingAsync(CancellationToken cancellationToken)
    {
        var withoutCertificate = await db.Tenants.AsNoTracking()
            .Where(t => !db.PushCertificates.IgnoreQueryFilters().Any(p => p.TenantId == t.Id))
            .ToListAsync(cancellationToken);
        foreach (var tenant in withoutCertificate)
        {
            AddFor(tenant);
        }
    }
}
