using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using SaaSMdm.Contracts.Internal.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Enrollments;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Declarations.Assets;

/// <summary>
/// A device fetching asset data with its MDM identity. The request names no enrollment (it is a GET without a body),
/// so the certificate itself must be bound to an enrolled device channel of the tenant. The identity is checked
/// before the asset is looked up, so a caller that is not one of the tenant's devices learns nothing about its assets.
/// </summary>
public sealed partial class AssetDataDownloads(CoreDbContext db, DeviceCertificateVerifier certificates, ILogger<AssetDataDownloads> logger)
{
    /// <exception cref="PermissionDeniedException">the identity is not one of the tenant's certificates, or no enrolled device is bound to it.</exception>
    /// <exception cref="NotFoundException">the tenant has no asset data with the id.</exception>
    public async Task<DeviceResponse> HandleAsync(DeviceAssetDataRequest request, CancellationToken cancellationToken)
    {
        var certificate = await certificates.VerifyAsync(request.Identity, cancellationToken);
        var enrolled = await db.Enrollments.AnyAsync(
            e => e.IdentityCertificateSha256 == certificate.Sha256 && e.ParentId == null && e.State == EnrollmentState.Enrolled, cancellationToken);
        if (!enrolled)
        {
            throw new PermissionDeniedException("The identity certificate is not bound to an enrolled device of this organization.");
        }

        var asset = Guid.TryParse(request.AssetDataId, out var id)
            ? await db.AssetData.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            : null;
        if (asset is null)
        {
            throw new NotFoundException("No such asset data.");
        }

        LogServed(logger, asset.Id, asset.Size);
        return new DeviceResponse { HttpStatus = 200, ContentType = asset.ContentType, Body = UnsafeByteOperations.UnsafeWrap(asset.Data) };
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Served asset data {AssetDataId} ({Size} bytes) to an enrolled device")]
    private static partial void LogServed(ILogger logger, Guid assetDataId, long size);
}
