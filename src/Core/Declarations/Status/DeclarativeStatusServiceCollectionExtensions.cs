namespace SaaSMdm.Core.Declarations.Status;

public static class DeclarativeStatusServiceCollectionExtensions
{
    /// <summary>Status ingestion for the DeclarativeManagement check-in, and what the DeclarativeStatus API reads with.</summary>
    public static IServiceCollection AddDeclarativeStatus(this IServiceCollection services)
    {
        services.AddOptions<DeclarativeStatusOptions>()
            .BindConfiguration(DeclarativeStatusOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<StatusIngestion>();
        return services;
    }
}
