using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Declarations.Assets;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Protocol;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests.Api;

/// <summary>Core with a small asset data limit, so oversized uploads are cheap to make.</summary>
public sealed class AssetDataFixture<TProvider> : ApiFixture<TProvider> where TProvider : IProviderChoice
{
    public const int MaxBytes = 1024;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["AssetData:MaxBytes"] = MaxBytes.ToString() };
}

public sealed class AssetDataApiTestsOnSqlite(AssetDataFixture<OnSqlite> fixture) : AssetDataApiTests<OnSqlite>(fixture), IClassFixture<AssetDataFixture<OnSqlite>>;

public sealed class AssetDataApiTestsOnPostgres(AssetDataFixture<OnPostgres> fixture) : AssetDataApiTests<OnPostgres>(fixture), IClassFixture<AssetDataFixture<OnPostgres>>;

public abstract class AssetDataApiTests<TProvider>(AssetDataFixture<TProvider> fixture) where TProvider : IProviderChoice
{
    private static readonly byte[] Data = Encoding.UTF8.GetBytes("""{"hello":"device"}""");

    public static TheoryData<string, int, string> RefusedUploads => new()
    {
        { "application/json", 0, "" },
        { "application/json", AssetDataFixture<TProvider>.MaxBytes + 1, "" },
        { "", 10, "" },
        { "text", 10, "" },
        { "text/", 10, "" },
        { "/plain", 10, "" },
        { "text/plain/extra", 10, "" },
        { "text/pl ain", 10, "" },
        { " text/plain", 10, "" },
        { "tëxt/plain", 10, "" },
        { "text/plain\r\nX-Injected: 1", 10, "" },
        { "text/plain", 10, "line\nbreak" },
        { "text/plain", 10, new string('l', 201) },
    };

    [Fact]
    public async Task Upload_stores_the_data_with_its_hash_and_returns_the_Reference_to_paste()
    {
        var tenant = await fixture.CreateTenantAsync();

        var upload = await UploadAsync(tenant.Id, label: " CA bundle ");

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Data));
        var info = upload.AssetData;
        var dataUrl = $"{ApiFixture<TProvider>.PublicEdgeUrl}/t/{tenant.Slug}/ddm/assets/{info.Id}";
        Assert.Equal(("application/json", Data.Length, sha256, "CA bundle", dataUrl), (info.ContentType, info.Size, info.Sha256, info.Label, info.DataUrl));
        using var reference = JsonDocument.Parse(upload.ReferenceJson);
        Assert.Equal(
            (dataUrl, "application/json", Data.Length, sha256),
            (reference.RootElement.GetProperty("DataURL").GetString(), reference.RootElement.GetProperty("ContentType").GetString(),
                reference.RootElement.GetProperty("Size").GetInt64(), reference.RootElement.GetProperty("Hash-SHA-256").GetString()));
        Assert.Equal("MDM", JsonDocument.Parse(upload.AuthenticationJson).RootElement.GetProperty("Type").GetString());
        Assert.Equal(info, await fixture.AssetData.GetAssetDataAsync(new GetAssetDataRequest { TenantId = tenant.Id, AssetDataId = info.Id }));
        var stored = await fixture.InTenantAsync(tenant.Id, db => db.AssetData.SingleAsync());
        Assert.Equal(Data, stored.Data);
        Assert.Equal((sha256, (long)Data.Length), (stored.Sha256, stored.Size));
    }

    [Theory]
    [MemberData(nameof(RefusedUploads))]
    public async Task A_refused_upload_is_INVALID_ARGUMENT_and_stores_nothing(string contentType, int size, string label)
    {
        var tenant = await fixture.CreateTenantAsync();
        var before = await fixture.CountAllAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.AssetData.UploadAssetDataAsync(new UploadAssetDataRequest
        {
            TenantId = tenant.Id,
            ContentType = contentType,
            Data = ByteString.CopyFrom(new byte[size]),
            Label = label,
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(before, await fixture.CountAllAsync());
    }

    [Fact]
    public async Task Media_types_with_parameters_and_suffixes_are_accepted()
    {
        var tenant = await fixture.CreateTenantAsync();

        var upload = await UploadAsync(tenant.Id, contentType: "application/x-pkcs12+der; charset=\"binary\"");

        Assert.Equal("application/x-pkcs12+der; charset=\"binary\"", upload.AssetData.ContentType);
    }

    [Fact]
    public async Task List_pages_newest_first()
    {
        var tenant = await fixture.CreateTenantAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await UploadAsync(tenant.Id, label: $"n{i}")).AssetData.Id);
            await Task.Delay(2);
        }

        var first = await fixture.AssetData.ListAssetDataAsync(new ListAssetDataRequest { TenantId = tenant.Id, PageSize = 2 });
        var second = await fixture.AssetData.ListAssetDataAsync(new ListAssetDataRequest { TenantId = tenant.Id, PageSize = 2, PageToken = first.NextPageToken });

        Assert.Equal([ids[2], ids[1]], first.AssetData.Select(a => a.Id));
        Assert.Equal([ids[0]], second.AssetData.Select(a => a.Id));
        Assert.Equal("", second.NextPageToken);
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            fixture.AssetData.ListAssetDataAsync(new ListAssetDataRequest { TenantId = tenant.Id, PageToken = "not-a-token" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task Delete_removes_the_data_and_is_refused_while_a_declaration_names_it()
    {
        var tenant = await fixture.CreateTenantAsync();
        var upload = await UploadAsync(tenant.Id);
        var id = upload.AssetData.Id;
        await fixture.InTenantAsync(tenant.Id, db =>
        {
            db.Declarations.Add(new DeclarationEntity
            {
                Id = Guid.NewGuid(),
                TenantId = Guid.Parse(tenant.Id),
                Identifier = "asset.ca",
                Type = "com.apple.asset.data",
                PayloadJson = $$"""{"Reference":{{upload.ReferenceJson}}}""",
                ServerToken = "t",
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            });
            return db.SaveChangesAsync();
        });
        var delete = new DeleteAssetDataRequest { TenantId = tenant.Id, AssetDataId = id };

        var referenced = await Assert.ThrowsAsync<RpcException>(() => fixture.AssetData.DeleteAssetDataAsync(delete).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, referenced.StatusCode);
        Assert.Contains("asset.ca", referenced.Status.Detail);
        Assert.Equal(1, await fixture.InTenantAsync(tenant.Id, db => db.AssetData.CountAsync()));

        await fixture.InTenantAsync(tenant.Id, db => db.Declarations.ExecuteDeleteAsync());
        await fixture.AssetData.DeleteAssetDataAsync(delete);

        Assert.Equal(0, await fixture.InTenantAsync(tenant.Id, db => db.AssetData.CountAsync()));
        var gone = await Assert.ThrowsAsync<RpcException>(() => fixture.AssetData.DeleteAssetDataAsync(delete).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Another_tenant_neither_sees_nor_deletes_the_data()
    {
        var owner = await fixture.CreateTenantAsync();
        var other = await fixture.CreateTenantAsync();
        var id = (await UploadAsync(owner.Id)).AssetData.Id;

        var get = await Assert.ThrowsAsync<RpcException>(() =>
            fixture.AssetData.GetAssetDataAsync(new GetAssetDataRequest { TenantId = other.Id, AssetDataId = id }).ResponseAsync);
        var delete = await Assert.ThrowsAsync<RpcException>(() =>
            fixture.AssetData.DeleteAssetDataAsync(new DeleteAssetDataRequest { TenantId = other.Id, AssetDataId = id }).ResponseAsync);
        var list = await fixture.AssetData.ListAssetDataAsync(new ListAssetDataRequest { TenantId = other.Id });

        Assert.Equal((StatusCode.NotFound, StatusCode.NotFound), (get.StatusCode, delete.StatusCode));
        Assert.Empty(list.AssetData);
        Assert.Equal(id, (await fixture.AssetData.GetAssetDataAsync(new GetAssetDataRequest { TenantId = owner.Id, AssetDataId = id })).Id);
    }

    [Fact]
    public void The_limit_must_leave_room_in_a_gRPC_message()
    {
        Assert.Null(new AssetDataOptions().Problem(GrpcProtocol.DefaultMaxReceiveMessageSize));
        Assert.NotNull(new AssetDataOptions { MaxBytes = GrpcProtocol.DefaultMaxReceiveMessageSize }.Problem(GrpcProtocol.DefaultMaxReceiveMessageSize));
        Assert.NotNull(new AssetDataOptions { MaxBytes = 0 }.Problem(GrpcProtocol.DefaultMaxReceiveMessageSize));
    }

    private Task<UploadAssetDataResponse> UploadAsync(string tenantId, string contentType = "application/json", string label = "") =>
        fixture.AssetData.UploadAssetDataAsync(new UploadAssetDataRequest
        {
            TenantId = tenantId,
            ContentType = contentType,
            Data = ByteString.CopyFrom(Data),
            Label = label,
        }).ResponseAsync;
}

/// <summary>Core without Edge's public URL (Enrollment:PublicEdgeUrl) cannot say where devices fetch asset data.</summary>
public sealed class AssetDataWithoutEdgeUrlFixture : ApiFixture<OnSqlite>
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Enrollment:PublicEdgeUrl"] = "" };
}

public sealed class AssetDataWithoutEdgeUrlTests(AssetDataWithoutEdgeUrlFixture fixture) : IClassFixture<AssetDataWithoutEdgeUrlFixture>
{
    [Fact]
    public async Task Upload_is_FAILED_PRECONDITION_naming_the_setting_and_stores_nothing()
    {
        var tenant = await fixture.CreateTenantAsync();
        var before = await fixture.CountAllAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.AssetData.UploadAssetDataAsync(new UploadAssetDataRequest
        {
            TenantId = tenant.Id,
            ContentType = "text/plain",
            Data = ByteString.CopyFromUtf8("x"),
        }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("Enrollment:PublicEdgeUrl", error.Status.Detail);
        Assert.Equal(before, await fixture.CountAllAsync());
    }
}
