using SaaSMdm.Core.Declarations.Status;

namespace SaaSMdm.Core.Api.DeclarativeStatus;

public static class DeclarativeStatusApiServiceCollectionExtensions
{
    /// <summary>
    /// Status ingestion (which the DeclarativeManagement check-in uses) and what the DeclarativeStatus service reads
    /// with; the host maps the service, and <see cref="ApiAuthorizationInterceptor"/> scopes it to a tenant.
    /// </summary>
    public static IServiceCollection AddDeclarativeStatusApi(this IServiceCollection services)
    {
        services.AddDeclarativeStatus();
        services.AddScoped<DeviceStatusView>();
        services.AddScoped<StatusReportPages>();
        services.AddScoped<DeclarationFleetView>();
        return services;
    }
}
