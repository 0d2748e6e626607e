using SaaSMdm.Apple.Ddm;

namespace SaaSMdm.Core.Api.Declarations;

public static class DeclarationsApiServiceCollectionExtensions
{
    /// <summary>What the Declarations service needs beside <c>AddDeclarativeManagement</c> and <c>AddPublicApi</c>.</summary>
    public static IServiceCollection AddDeclarationsApi(this IServiceCollection services)
    {
        services.AddSingleton(new DeclarationValidator());
        services.AddScoped<ChangePropagation>();
        return services;
    }
}
