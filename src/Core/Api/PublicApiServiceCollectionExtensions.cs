using Microsoft.EntityFrameworkCore;
using SaaSMdm.Apple.Mdm;
using SaaSMdm.Core.Api.Commands;
using SaaSMdm.Core.Api.Devices;
using SaaSMdm.Core.Api.Enrollment;
using SaaSMdm.Core.Data;

namespace SaaSMdm.Core.Api;

public static class PublicApiServiceCollectionExtensions
{
    /// <summary>
    /// What the Devices, Commands and Enrollment services need. Their requests are scoped to a tenant by
    /// <see cref="ApiAuthorizationInterceptor"/>, which the host lists among its gRPC interceptors.
    /// </summary>
    public static IServiceCollection AddPublicApi(this IServiceCollection services)
    {
        services.AddOptions<EnrollmentLinkOptions>()
            .BindConfiguration(EnrollmentLinkOptions.Section)
            .Validate(options => options.Problem() is null, "Enrollment:PublicEdgeUrl must be an absolute https URL without query or fragment.")
            .ValidateOnStart();
        services.ConfigureDbContext<CoreDbContext>(options => options.AddInterceptors(new SqliteUnicodeLower()));
        services.AddSingleton(new CommandValidator());
        services.AddScoped<CommandTargets>();
        services.AddScoped<DeviceBoundCommands>();
        services.AddScoped<DeviceCommandHistory>();
        services.AddScoped<ChannelLookup>();
        return services;
    }
}
