using System.Security.Cryptography;
using SaaSMdm.Contracts.Internal.V1;
using SaaSMdm.Edge.Devices;
using SaaSMdm.Edge.Identity;
using SaaSMdm.Edge.Tenancy;

namespace SaaSMdm.Edge.Ddm;

/// <summary>
/// <c>GET /t/{tenant}/ddm/assets/{assetId}</c>: a device fetching the data of an asset declaration whose Authentication
/// is MDM. It proves who it is as on the MDM endpoints: its TLS client certificate, or an Mdm-Signature over the
/// (empty) body. Core decides whether the device may have the data.
/// </summary>
public static class AssetDataEndpoint
{
    public static async Task<IResult> HandleAsync(
        string assetId, HttpContext http, DeviceIdentityResolver identities, DeviceGateway.DeviceGatewayClient gateway, CoreCalls calls)
    {
        var response = await gateway.GetAssetDataAsync(
            new DeviceAssetDataRequest
            {
                TenantId = http.GetTenant().Id,
                Identity = identities.Resolve(http, []),
                AssetDataId = assetId,
            },
            calls.For(http));
        if (response.HttpStatus == StatusCodes.Status200OK)
        {
            DescribeRepresentation(http.Response.Headers, response.Body.Span);
        }

        return new DeviceResponseResult(response);
    }

    /// <summary>
    /// The data's SHA-256 as a strong ETag and a Repr-Digest (RFC 9530), so the device (or anything between) can check
    /// what it got against the Reference's Hash-SHA-256. Credential data can hold secrets: no cache may keep it.
    /// </summary>
    private static void DescribeRepresentation(IHeaderDictionary headers, ReadOnlySpan<byte> data)
    {
        var sha256 = SHA256.HashData(data);
        headers.ETag = $"\"{Convert.ToHexStringLower(sha256)}\"";
        headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(sha256)}:";
        headers.CacheControl = "private, no-store";
    }
}
