using Google.Protobuf;
using SaaSMdm.Apple.Scep;
using SaaSMdm.Contracts.Internal.V1;
using SaaSMdm.Edge.Devices;
using SaaSMdm.Edge.Tenancy;

namespace SaaSMdm.Edge.Scep;

/// <summary>
/// <c>GET|POST /t/{tenant}/scep?operation=…</c> (RFC 8894): GetCACaps, GetCACert and PKIOperation, the
/// pkiMessage coming base64 in the <c>message</c> parameter (GET) or as the DER body (POST). The tenant's CA
/// is in Core, which answers.
/// </summary>
public static class ScepEndpoint
{
    /// <summary>A certificate request with its signing certificate is a few KiB.</summary>
    public const int MaxMessageBytes = 64 * 1024;

    public static async Task<IResult> HandleAsync(HttpContext http, DeviceGateway.DeviceGatewayClient gateway, CoreCalls calls)
    {
        var operation = http.Request.Query[ScepTransport.OperationParameter];
        if (operation.Count != 1 || operation[0] is not (ScepTransport.GetCACaps or ScepTransport.GetCACert or ScepTransport.PKIOperation))
        {
            throw DeviceRequestRefusedException.BadRequest(
                $"The operation parameter must be one of {ScepTransport.GetCACaps}, {ScepTransport.GetCACert}, {ScepTransport.PKIOperation}.");
        }

        var message = operation[0] == ScepTransport.PKIOperation ? UnsafeByteOperations.UnsafeWrap(await PkiMessageAsync(http)) : ByteString.Empty;
        var reply = await gateway.ScepAsync(
            new ScepRequest { TenantId = http.GetTenant().Id, Operation = operation[0], Message = message },
            calls.For(http));
        return Results.Bytes(reply.Body.Memory, reply.ContentType.Length > 0 ? reply.ContentType : null);
    }

    private static async Task<byte[]> PkiMessageAsync(HttpContext http)
    {
        var message = HttpMethods.IsPost(http.Request.Method)
            ? await RequestBody.ReadAsync(http.Request, MaxMessageBytes, http.RequestAborted)
            : FromQuery(http.Request.Query[ScepTransport.MessageParameter]);
        if (message.Length > MaxMessageBytes)
        {
            throw DeviceRequestRefusedException.TooLarge(MaxMessageBytes);
        }

        return message.Length > 0 ? message : throw DeviceRequestRefusedException.BadRequest("PKIOperation needs a pkiMessage.");
    }

    private static byte[] FromQuery(Microsoft.Extensions.Primitives.StringValues parameter)
    {
        if (parameter.Count != 1)
        {
            throw DeviceRequestRefusedException.BadRequest("A PKIOperation over GET carries one base64 pkiMessage in the message parameter.");
        }

        try
        {
            return ScepTransport.DecodeQueryMessage(parameter[0]!);
        }
        catch (ScepException ex)
        {
            throw DeviceRequestRefusedException.BadRequest(ex.Message);
        }
    }
}
