using Microsoft.Extensions.Options;
using SaaSMdm.Edge.Hosting;
using SaaSMdm.Edge.Identity;

namespace SaaSMdm.Edge.Devices;

/// <summary>Reads an MDM request from a device: the body up to <see cref="EdgeOptions.MaxDeviceRequestBytes"/>, then who sent it.</summary>
public sealed class DeviceRequestReader(DeviceIdentityResolver identities, IOptions<EdgeOptions> options)
{
    private readonly int _maxBodyBytes = options.Value.MaxDeviceRequestBytes;

    /// <exception cref="DeviceRequestRefusedException">The body is too large, or the request has no usable identity.</exception>
    public async Task<DeviceRequest> ReadAsync(HttpContext http)
    {
        var body = await RequestBody.ReadAsync(http.Request, _maxBodyBytes, http.RequestAborted);
        return new DeviceRequest(body, identities.Resolve(http, body));
    }
}
