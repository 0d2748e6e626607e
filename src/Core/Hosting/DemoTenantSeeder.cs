using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Security;
using SaaSMdm.Core.Tenants;

namespace SaaSMdm.Core.Hosting;

/// <summary>Creates the demo tenant (and its demo enrollment token) once; a later start finds them and leaves them alone.</summary>
public sealed partial class DemoTenantSeeder(IServiceProvider services, IOptions<DemoOptions> options, TimeProvider clock, ILogger<DemoTenantSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var demo = options.Value;
        if (!demo.SeedTenant)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<ITenantStore>().FindBySlugAsync(demo.TenantSlug, cancellationToken)
            ?? await CreateTenantAsync(scope.ServiceProvider, demo, cancellationToken);
        if (tenant is not null && !string.IsNullOrEmpty(demo.EnrollmentTokenSecret))
        {
            await EnsureEnrollmentTokenAsync(scope.ServiceProvider, tenant.Id, demo.EnrollmentTokenSecret, cancellationToken);
        }
    }

    private async Task<TenantEntity?> CreateTenantAsync(IServiceProvider scoped, DemoOptions demo, CancellationToken cancellationToken)
    {
        try
        {
            var tenant = await scoped.GetRequiredService<TenantProvisioner>().CreateAsync(demo.TenantSlug, demo.TenantDisplayName, mspOrganizationId: null, cancellationToken);
            LogSeeded(logger, demo.TenantSlug);
            return tenant;
        }
        catch (SlugTakenException)
        {
            // Another replica seeded it first; it makes the token too.
            return null;
        }
    }

    private async Task EnsureEnrollmentTokenAsync(IServiceProvider scoped, Guid tenantId, string secret, CancellationToken cancellationToken)
    {
        scoped.GetRequiredService<TenantContext>().Enter(tenantId);
        var db = scoped.GetRequiredService<CoreDbContext>();
        var hash = SecretHash.Of(secret);
        if (await db.EnrollmentTokens.AnyAsync(t => t.SecretHash == hash, cancellationToken))
        {
            return;
        }

        db.EnrollmentTokens.Add(new EnrollmentTokenEntity
        {
            Id = Guid.NewGuid(),
            TenantId = tenantId,
            SecretHash = hash,
            Label = "Demo (local trials)",
            CreatedAt = StoredTime.UtcNow(clock),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created demo tenant '{Slug}'")]
    private static partial void LogSeeded(ILogger logger, string slug);
}
