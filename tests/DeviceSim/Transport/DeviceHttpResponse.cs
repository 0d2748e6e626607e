using System.Net;

namespace SaaSMdm.DeviceSim.Transport;

/// <summary>A server's answer as the device read it.</summary>
public sealed record DeviceHttpResponse(HttpStatusCode StatusCode, byte[] Body, string? ContentType)
{
    public bool IsSuccess => (int)StatusCode is >= 200 and < 300;

    public bool IsEmpty => Body.Length == 0;
}
