namespace SaaSMdm.Core.Data.Entities;

/// <summary>Data a tenant uploaded for an asset declaration; Edge serves it to the tenant's enrolled devices.</summary>
public sealed class AssetDataEntity : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public required string ContentType { get; set; }

    /// <summary>What the data is, for people; empty when the uploader gave none.</summary>
    public string Label { get; set; } = "";

    /// <summary>SHA-256 of <see cref="Data"/>, lower-case hex, as the asset's Reference carries it.</summary>
    public required string Sha256 { get; set; }

    public long Size { get; set; }

    public required byte[] Data { get; set; }

    public DateTime CreatedAt { get; set; }
}
