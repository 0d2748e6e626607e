using Microsoft.EntityFrameworkCore;
using SaaSMdm.Core.Certificates;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Push;

namespace SaaSMdm.Core.Tenants;

/// <summary>
/// Creates a tenant with everything a tenant needs from its first moment: its device CA, and in development
/// mode a push certificate.
/// </summary>
public sealed partial class TenantProvisioner(
    CoreDbContext db,
    ITenantStore store,
    TenantCertificateAuthorities certificateAuthorities,
    IPushCertificateProvisioning pushCertificates,
    TimeProvider clock,
    ILogger<TenantProvisioner> logger)
{
    /// <exception cref="SlugTakenException">another tenant has the slug.</exception>
    /// <param name="mspOrganizationId">The MSP organization that will manage the tenant, if any.</param>
    public async Task<TenantEntity> CreateAsync(string slug, string displayName, Guid? mspOrganizationId, CancellationToken cancellationToken)
    {
        var tenant = new TenantEntity
        {
            Id = Guid.NewGuid(),
            Slug = slug,
            DisplayName = displayName,
            MspOrganizationId = mspOrganizationId,
            CreatedAt = StoredTime.UtcNow(clock),
        };
        certificateAuthorities.AddFor(tenant);
        pushCertificates.AddFor(tenant);
        await store.AddAsync(tenant, cancellationToken);
        LogCreated(logger, tenant.Slug, tenant.Id);
        return tenant;
    }

    /// <summary>Gives tenants made before a part existed what they lack; safe to run on every start and on every replica.</summary>
    public async Task CompleteExistingTenantsAsync(CancellationToken cancellationToken)
    {
        var withoutCa = await db.Tenants
            .Where(t => !db.CertificateAuthorities.IgnoreQueryFilters().Any(ca => ca.TenantId == t.Id))
            .ToListAsync(cancellationToken);
        foreach (var tenant in withoutCa)
        {
            certificateAuthorities.AddFor(tenant);
        }

        await pushCertificates.AddMissingAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another replica completed them at the same moment; its CAs and certificates stand.
            db.ChangeTracker.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created tenant {Slug} ({TenantId})")]
    private static partial void LogCreated(ILogger logger, string slug, Guid tenantId);
}
