namespace SaaSMdm.Core.Declarations;

public static class DeclarativeManagementServiceCollectionExtensions
{
    /// <summary>Declarations, their reach over sets and groups, and the sync that notifies devices of changes.</summary>
    public static IServiceCollection AddDeclarativeManagement(this IServiceCollection services)
    {
        services.AddScoped<EffectiveDeclarations>();
        services.AddScoped<DeclarationReach>();
        services.AddScoped<DeclarationSync>();
        return services;
    }
}
