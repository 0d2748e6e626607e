using System.Text.Json.Nodes;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Api.AssetData;

/// <summary>Asset data rows as API messages (never with the data), and the declaration keys that point at them.</summary>
public static class AssetDataMessages
{
    /// <summary>Devices fetch the data with their MDM identity: Edge answers no other request for it.</summary>
    public const string AuthenticationJson = """{"Type":"MDM"}""";

    public static AssetDataInfo ToInfo(AssetDataEntity asset, Func<Guid, string>? dataUrl) => new()
    {
        Id = asset.Id.ToString("D"),
        ContentType = asset.ContentType,
        Size = asset.Size,
        Sha256 = asset.Sha256,
        Label = asset.Label,
        CreateTime = ApiTimestamps.From(asset.CreatedAt),
        DataUrl = dataUrl?.Invoke(asset.Id) ?? "",
    };

    /// <summary>The asset declaration's <c>Reference</c> (declarations/assets/data.yaml) for the data at <paramref name="dataUrl"/>.</summary>
    public static string ReferenceJson(AssetDataEntity asset, string dataUrl) => new JsonObject
    {
        ["DataURL"] = dataUrl,
        ["ContentType"] = asset.ContentType,
        ["Size"] = asset.Size,
        ["Hash-SHA-256"] = asset.Sha256,
    }.ToJsonString();
}
