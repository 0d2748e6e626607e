using Microsoft.Extensions.Options;
using SaaSMdm.Core.Api.AssetData;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Core.Declarations.Assets;

public static class AssetDataServiceCollectionExtensions
{
    /// <summary>Asset data: the API's links and upload limits (checked against Core's gRPC receive limit at start-up) and its download to devices.</summary>
    public static IServiceCollection AddAssetData(this IServiceCollection services)
    {
        services.AddOptions<AssetDataOptions>()
            .BindConfiguration(AssetDataOptions.Section)
            .Validate<IOptions<GrpcServiceOptions>>(
                (options, grpc) => options.Problem(grpc.Value.MaxReceiveMessageSize) is null,
                "AssetData:MaxBytes must be positive and, with room for the rest of the request, fit in Grpc:MaxReceiveMessageSize.")
            .ValidateOnStart();
        services.AddScoped<AssetDataLinks>();
        services.AddScoped<AssetDataDownloads>();
        return services;
    }
}
