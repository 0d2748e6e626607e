using System.Security.Cryptography;
using Google.Protobuf;
using System.Text.Json;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Tenants;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Api.Devices;

/// <summary>
/// The page token of ListDevices: where the last page ended (its last device's sorted value, null when it had none,
/// and channel id) and a fingerprint of the request's tenant, order and filters, so a token only continues the list
/// it came from.
/// </summary>
public sealed record DeviceListCursor(string List, string? Value, string ChannelId)
{
    public static DeviceListCursor After(ListDevicesRequest request, string? value, string channelId) => new(Fingerprint(request), value, channelId);

    /// <summary>The cursor of the request's page_token; null for the first page.</summary>
    /// <exception cref="InvalidArgumentException">a token this API did not issue, or issued for another list.</exception>
    public static DeviceListCursor? Read(ListDevicesRequest request)
    {
        if (PageToken.Read(request.PageToken) is not { } text)
        {
            return null;
        }

        DeviceListCursor? cursor;
        try
        {
            cursor = JsonSerializer.Deserialize<DeviceListCursor>(text);
        }
        catch (JsonException)
        {
            throw PageToken.NotIssued();
        }

        if (cursor is not { List: not null, ChannelId: not null })
        {
            throw PageToken.NotIssued();
        }

        return cursor.List == Fingerprint(request)
            ? cursor
            : throw new InvalidArgumentException("page_token belongs to a list of another tenant, order or filters; start again without it.");
    }

    public string ToPageToken() => PageToken.Create(JsonSerializer.Serialize(this));

    /// <summary>The request without its position (page token, size, skip), hashed.</summary>
    private static string Fingerprint(ListDevicesRequest request)
    {
        var list = request.Clone();
        list.PageToken = "";
        list.PageSize = 0;
        list.Skip = 0;
        return Convert.ToBase64String(SHA256.HashData(list.ToByteArray()), 0, 12);
    }
}
