namespace SaaSMdm.Core.Declarations.Assets;

/// <summary>Limits on the asset data tenants upload (section <c>AssetData</c>).</summary>
public sealed class AssetDataOptions
{
    public const string Section = "AssetData";

    /// <summary>Room for the rest of an upload request (tenant id, content type, label) and gRPC framing.</summary>
    public const int RequestOverheadBytes = 64 * 1024;

    /// <summary>
    /// The largest upload, in bytes. Data travels whole in one gRPC message twice: in the upload to Core, and from
    /// Core to Edge when a device fetches it. So it must stay below Core's <c>Grpc:MaxReceiveMessageSize</c> (checked
    /// at start-up) and the 4 MiB Edge accepts from Core; the default leaves room for both.
    /// </summary>
    public int MaxBytes { get; set; } = 3 * 1024 * 1024;

    /// <summary>Why the options cannot be used with a gRPC receive limit of <paramref name="maxReceiveMessageSize"/>; null when they can.</summary>
    public string? Problem(int? maxReceiveMessageSize) =>
        MaxBytes < 1
            ? "AssetData:MaxBytes must be positive."
            : MaxBytes + RequestOverheadBytes > maxReceiveMessageSize
                ? $"AssetData:MaxBytes ({MaxBytes}) plus {RequestOverheadBytes} bytes of request must fit in Grpc:MaxReceiveMessageSize ({maxReceiveMessageSize})."
                : null;
}
