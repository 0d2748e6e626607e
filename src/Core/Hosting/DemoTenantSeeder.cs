using Microsoft.Extensions.Options;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Tenants;

namespace SaaSMdm.Core.Hosting;

/// <summary>Creates the demo tenant once; a later start finds it and leaves it alone.</summary>
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
        var store = scope.ServiceProvider.GetRequiredService<ITenantStore>();
        if (await store.FindBySlugAsync(demo.TenantSlug, cancellationToken) is not null)
        {
            return;
        }

        try
        {
            await store.AddAsync(new TenantEntity
            {
                Id = Guid.NewGuid(),
                Slug = demo.TenantSlug,
                DisplayName = demo.TenantDisplayName,
                CreatedAt = StoredTime.UtcNow(clock),
            }, cancellationToken);
            LogSeeded(logger, demo.TenantSlug);
        }
        catch (SlugTakenException)
        {
            // Another replica seeded it first.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created demo tenant '{Slug}'")]
    private static partial void LogSeeded(ILogger logger, string slug);
}
