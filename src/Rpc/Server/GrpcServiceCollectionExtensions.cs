using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SaaSMdm.Rpc.Server;

public static class GrpcServiceCollectionExtensions
{
    /// <summary>Adds what <see cref="GrpcEndpointRouteBuilderExtensions.MapGrpcService{TService}"/> needs.</summary>
    public static IServiceCollection AddGrpc(this IServiceCollection services, Action<GrpcServiceOptions>? configure = null)
    {
        services.AddRouting();
        services.AddOptions<GrpcServiceOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton<GrpcServiceRegistry>();
        return services;
    }
}
