using Google.Protobuf;
using SaaSMdm.Contracts.Internal.V1;
using SaaSMdm.Edge.Devices;
using SaaSMdm.Edge.Tenancy;

namespace SaaSMdm.Edge.Mdm;

/// <summary><c>PUT /t/{tenant}/mdm/connect</c>: a command report (Idle, Acknowledged, ...) carried to Core, answered with the next command.</summary>
public static class ConnectEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext http, DeviceRequestReader requests, MdmMessageReader messages, DeviceGateway.DeviceGatewayClient gateway, CoreCalls calls)
    {
        var request = await requests.ReadAsync(http);
        messages.ReadReport(request.Body);
        var response = await gateway.ConnectAsync(
            new ConnectRequest
            {
                TenantId = http.GetTenant().Id,
                Identity = request.Identity,
                Plist = UnsafeByteOperations.UnsafeWrap(request.Body),
            },
            calls.For(http));
        return new DeviceResponseResult(response);
    }
}
