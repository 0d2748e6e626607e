using SaaSMdm.Apple.Profiles;
using SaaSMdm.Core.Enrollments;
using SaaSMdm.Core.Enrollments.CheckIns;
using SaaSMdm.Core.Enrollments.Connect;
using SaaSMdm.Core.Enrollments.Inventory;
using SaaSMdm.Core.Enrollments.LastSeen;
using SaaSMdm.Core.Gateway.Profiles;
using SaaSMdm.Core.Gateway.Scep;

namespace SaaSMdm.Core.Gateway;

public static class DeviceGatewayServiceCollectionExtensions
{
    /// <summary>Everything the device gateway serves: enrollment profiles, SCEP, check-ins, the command channel and last-seen batching.</summary>
    public static IServiceCollection AddDeviceGateway(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LastSeenOptions>().Bind(configuration.GetSection(LastSeenOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(new EnrollmentProfileBuilder());
        services.AddSingleton<KnownTenants>();
        services.AddScoped<GatewayTenants>();
        services.AddScoped<TenantPushTopic>();
        services.AddScoped<ScepChallenges>();

        services.AddScoped<EnrollmentTokenGate>();
        services.AddScoped<EnrollmentProfileIssuer>();
        services.AddScoped<IdentityRenewals>();
        services.AddScoped<TenantScepEndpoint>();

        services.AddSingleton<VerifiedDeviceCertificates>();
        services.AddScoped<DeviceCertificateVerifier>();
        services.AddScoped<BoundEnrollments>();
        services.AddScoped<CheckInProcessor>();
        services.AddScoped<ICheckInHandler, AuthenticateHandler>();
        services.AddScoped<ICheckInHandler, TokenUpdateHandler>();
        services.AddScoped<ICheckInHandler, CheckOutHandler>();
        services.AddScoped<ICheckInHandler, UserAuthenticateHandler>();
        services.AddScoped<ICheckInHandler, SetBootstrapTokenHandler>();
        services.AddScoped<ICheckInHandler, GetBootstrapTokenHandler>();
        services.AddScoped<ICheckInHandler, DeclarativeManagementHandler>();
        services.AddScoped<ICheckInHandler, GetTokenHandler>();

        services.AddScoped<InventoryRecorder>();
        services.AddScoped<CommandReports>();
        services.AddScoped<CommandChannel>();

        services.AddSingleton<LastSeenRecorder>();
        services.AddSingleton<LastSeenFlusher>();
        services.AddHostedService(provider => provider.GetRequiredService<LastSeenFlusher>());
        return services;
    }
}
