using SaaSMdm.Edge.Ddm;
using SaaSMdm.Edge.Enrollment;
using SaaSMdm.Edge.Identity;
using SaaSMdm.Edge.Mdm;
using SaaSMdm.Edge.Scep;

namespace SaaSMdm.Edge.Devices;

/// <summary>The endpoints devices use under a tenant's URL, each carrying one request to Core.</summary>
public static class DeviceEndpoints
{
    public static IServiceCollection AddDeviceEndpoints(this IServiceCollection services) => services
        .AddSingleton<CoreCalls>()
        .AddSingleton<PublicBaseUrl>()
        .AddSingleton<DeviceIdentityResolver>()
        .AddSingleton<DeviceRequestReader>()
        .AddSingleton<MdmMessageReader>();

    /// <param name="tenant">The <c>/t/{tenant}</c> group, whose filter has resolved the tenant.</param>
    public static void MapDeviceEndpoints(this RouteGroupBuilder tenant)
    {
        var devices = tenant.MapGroup("").AddEndpointFilter<DeviceErrorFilter>();
        devices.MapGet("enroll", EnrollmentEndpoint.HandleAsync);
        devices.MapMethods("scep", [HttpMethods.Get, HttpMethods.Post], ScepEndpoint.HandleAsync);
        devices.MapPut("mdm/checkin", CheckInEndpoint.HandleAsync);
        devices.MapPut("mdm/connect", ConnectEndpoint.HandleAsync);
        devices.MapGet("ddm/assets/{assetId}", AssetDataEndpoint.HandleAsync);
    }
}
