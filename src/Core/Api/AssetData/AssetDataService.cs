using System.Linq.Expressions;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Declarations.Assets;
using SaaSMdm.Core.Tenants;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Core.Api.AssetData;

/// <summary>The public AssetData API; <see cref="ApiAuthorizationInterceptor"/> has entered the request's tenant.</summary>
public sealed class AssetDataService(
    CoreDbContext db,
    TenantContext tenant,
    AssetDataLinks links,
    IOptions<AssetDataOptions> options,
    TimeProvider clock) : Contracts.V1.AssetData.AssetDataBase
{
    private const int MaxLabelLength = 200;

    /// <summary>Metadata only: listing and reading never load the data itself.</summary>
    private static readonly Expression<Func<AssetDataEntity, AssetDataEntity>> WithoutData = a => new AssetDataEntity
    {
        Id = a.Id,
        TenantId = a.TenantId,
        ContentType = a.ContentType,
        Label = a.Label,
        Sha256 = a.Sha256,
        Size = a.Size,
        CreatedAt = a.CreatedAt,
        Data = Array.Empty<byte>(),
    };

    public override async Task<UploadAssetDataResponse> UploadAssetData(UploadAssetDataRequest request, ServerCallContext context)
    {
        var maxBytes = options.Value.MaxBytes;
        if (request.Data.IsEmpty || request.Data.Length > maxBytes)
        {
            throw new InvalidArgumentException($"data must be 1 to {maxBytes} bytes; got {request.Data.Length}.");
        }

        if (!MediaType.IsValid(request.ContentType))
        {
            throw new InvalidArgumentException("content_type must be a media type, type/subtype with optional parameters (e.g. application/pem).");
        }

        var label = request.Label.Trim();
        if (label.Length > MaxLabelLength || label.Any(char.IsControl))
        {
            throw new InvalidArgumentException($"label must be at most {MaxLabelLength} characters without control characters.");
        }

        var dataUrl = await links.RequireForTenantAsync(context.CancellationToken);
        var data = request.Data.ToByteArray();
        var asset = new AssetDataEntity
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenant.TenantId,
            ContentType = request.ContentType,
            Label = label,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(data)),
            Size = data.Length,
            Data = data,
            CreatedAt = StoredTime.UtcNow(clock),
        };
        db.AssetData.Add(asset);
        await db.SaveChangesAsync(context.CancellationToken);

        return new UploadAssetDataResponse
        {
            AssetData = AssetDataMessages.ToInfo(asset, dataUrl),
            ReferenceJson = AssetDataMessages.ReferenceJson(asset, dataUrl(asset.Id)),
            AuthenticationJson = AssetDataMessages.AuthenticationJson,
        };
    }

    public override async Task<AssetDataInfo> GetAssetData(GetAssetDataRequest request, ServerCallContext context)
    {
        var id = ReadId(request.AssetDataId);
        var asset = await db.AssetData.AsNoTracking().Where(a => a.Id == id).Select(WithoutData).FirstOrDefaultAsync(context.CancellationToken)
            ?? throw NotFound(id);
        return AssetDataMessages.ToInfo(asset, await links.ForTenantAsync(context.CancellationToken));
    }

    /// <remarks>Newest first by id: ids are version 7 UUIDs, which sort by creation time on both databases.</remarks>
    public override async Task<ListAssetDataResponse> ListAssetData(ListAssetDataRequest request, ServerCallContext context)
    {
        var size = PageToken.Size(request.PageSize);
        var query = db.AssetData.AsNoTracking();
        if (PageToken.ReadId(request.PageToken) is { } afterId)
        {
            query = query.Where(a => a.Id.CompareTo(afterId) < 0);
        }

        var page = await query.OrderByDescending(a => a.Id).Take(size + 1).Select(WithoutData).ToListAsync(context.CancellationToken);
        var dataUrl = await links.ForTenantAsync(context.CancellationToken);
        var response = new ListAssetDataResponse();
        response.AssetData.AddRange(page.Take(size).Select(asset => AssetDataMessages.ToInfo(asset, dataUrl)));
        if (page.Count > size)
        {
            response.NextPageToken = PageToken.Create(page[size - 1].Id.ToString("D"));
        }

        return response;
    }

    /// <remarks>
    /// A declaration's payload that contains the id (its DataURL ends with it) keeps the data: devices would otherwise
    /// fail to fetch it. A plain substring search over the tenant's payloads is enough, as ids are UUIDs.
    /// </remarks>
    public override async Task<DeleteAssetDataResponse> DeleteAssetData(DeleteAssetDataRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var id = ReadId(request.AssetDataId);
        if (!await db.AssetData.AnyAsync(a => a.Id == id, cancellationToken))
        {
            throw NotFound(id);
        }

        var idText = id.ToString("D");
        // Devices read the DataURL's id whatever its case, so a reference in upper case counts too.
        var referencing = await db.Declarations.Where(d => d.PayloadJson.ToLower().Contains(idText)).Select(d => d.Identifier).Take(5).ToListAsync(cancellationToken);
        if (referencing.Count > 0)
        {
            throw new FailedPreconditionException(
                $"Asset data '{id}' is still referenced by declarations {string.Join(", ", referencing)}; change or delete them first.");
        }

        await db.AssetData.Where(a => a.Id == id).ExecuteDeleteAsync(cancellationToken);
        return new DeleteAssetDataResponse();
    }

    private static Guid ReadId(string value) =>
        Guid.TryParse(value, out var id) ? id : throw new InvalidArgumentException("asset_data_id must be an asset data id (a UUID).");

    private static NotFoundException NotFound(Guid id) => new($"No asset data with id '{id}'.");
}
