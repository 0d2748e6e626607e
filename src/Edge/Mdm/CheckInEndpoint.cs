using Google.Protobuf;
using SaaSMdm.Contracts.Internal.V1;
using SaaSMdm.Edge.Devices;
using SaaSMdm.Edge.Tenancy;

namespace SaaSMdm.Edge.Mdm;

/// <summary><c>PUT /t/{tenant}/mdm/checkin</c>: a check-in message (Authenticate, TokenUpdate, CheckOut, ...) carried to Core.</summary>
public static class CheckInEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext http, DeviceRequestReader requests, MdmMessageReader messages, DeviceGateway.DeviceGatewayClient gateway, CoreCalls calls)
    {
        var request = await requests.ReadAsync(http);
        var message = messages.ReadCheckIn(request.Body);
        var response = await gateway.CheckInAsync(
            new CheckInRequest
            {
                TenantId = http.GetTenant().Id,
                Identity = request.Identity,
                Plist = UnsafeByteOperations.UnsafeWrap(request.Body),
                MessageType = message.MessageType,
            },
            calls.For(http));
        return new DeviceResponseResult(response);
    }
}
