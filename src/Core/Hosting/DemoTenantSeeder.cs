using Microsoft.Extensions.Options;
using SaaSMdm.Core.Tenants;

namespace SaaSMdm.Core.Hosting;

/// <summary>Creates the demo tenant once; a later start finds it and leaves it alone.</summary>
public sealed partial class DemoTenantSeeder(IServiceProvider services, IOptions<DemoOptions> options, ILogger<DemoTenantSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var demo = options.Value;
        if (!demo.SeedTenant)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<ITenantStore>().FindBySlugAsync(demo.TenantSlug, cancellationToken) is not null)
        {
            return;
        }

        try
        {
            await scope.ServiceProvider.GetRequiredService<TenantProvisioner>().CreateAsync(demo.TenantSlug, demo.TenantDisplayName, cancellationToken);
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
