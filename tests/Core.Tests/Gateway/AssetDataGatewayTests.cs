using System.Security.Cryptography;
using Google.Protobuf;
using SaaSMdm.Contracts.Internal.V1;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Rpc;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests.Gateway;

public sealed class AssetDataGatewayTestsOnSqlite(GatewayFixture<OnSqlite> fixture) : AssetDataGatewayTests<OnSqlite>(fixture), IClassFixture<GatewayFixture<OnSqlite>>;

public sealed class AssetDataGatewayTestsOnPostgres(GatewayFixture<OnPostgres> fixture) : AssetDataGatewayTests<OnPostgres>(fixture), IClassFixture<GatewayFixture<OnPostgres>>;

/// <summary>GetAssetData serves a tenant's data to the tenant's enrolled devices only, checking who asks before what is asked for.</summary>
public abstract class AssetDataGatewayTests<TProvider>(GatewayFixture<TProvider> fixture) where TProvider : IProviderChoice
{
    private static readonly byte[] Data = RandomNumberGenerator.GetBytes(3000);

    [Fact]
    public async Task An_enrolled_device_gets_the_data_with_its_content_type()
    {
        var tenant = await fixture.SharedTenantAsync();
        var device = await tenant.EnrollDeviceAsync();
        var asset = await StoreAsync(tenant);

        var reply = await FetchAsync(tenant, device, asset);

        Assert.Equal((200, "application/pkcs1"), (reply.HttpStatus, reply.ContentType));
        Assert.Equal(Data, reply.Body.ToByteArray());
        Assert.Equal(await StoredHashAsync(tenant, asset), Convert.ToHexStringLower(SHA256.HashData(reply.Body.Span)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-uuid")]
    [InlineData("0199a1b2-0000-7000-8000-000000000001")]
    public async Task An_unknown_asset_is_NOT_FOUND(string assetId)
    {
        var tenant = await fixture.SharedTenantAsync();
        var device = await tenant.EnrollDeviceAsync();

        await TestDevice.AssertRefusedAsync(StatusCode.NotFound, () => FetchAsync(tenant, device, assetId));
    }

    [Fact]
    public async Task Another_tenants_asset_is_NOT_FOUND_for_an_enrolled_device()
    {
        var tenant = await fixture.SharedTenantAsync();
        var other = await fixture.OtherTenantAsync();
        var device = await tenant.EnrollDeviceAsync();
        var foreign = await StoreAsync(other);

        await TestDevice.AssertRefusedAsync(StatusCode.NotFound, () => FetchAsync(tenant, device, foreign));
    }

    [Fact]
    public async Task A_device_of_another_tenant_is_PERMISSION_DENIED_even_for_an_existing_asset()
    {
        var tenant = await fixture.SharedTenantAsync();
        var other = await fixture.OtherTenantAsync();
        var asset = await StoreAsync(tenant);
        var foreignDevice = await other.EnrollDeviceAsync();

        await TestDevice.AssertRefusedAsync(StatusCode.PermissionDenied, () => FetchAsync(tenant, foreignDevice, asset));
    }

    [Fact]
    public async Task A_device_that_has_not_completed_enrollment_or_checked_out_is_PERMISSION_DENIED()
    {
        var tenant = await fixture.SharedTenantAsync();
        var asset = await StoreAsync(tenant);
        var pending = await tenant.NewDeviceAsync();
        TestDevice.AssertAccepted(await pending.CheckInAsync(pending.Authenticate()));
        var checkedOut = await tenant.EnrollDeviceAsync();
        TestDevice.AssertAccepted(await checkedOut.CheckInAsync(checkedOut.Message("CheckOut")));
        var neverSeen = await tenant.NewDeviceAsync();

        foreach (var device in new[] { pending, checkedOut, neverSeen })
        {
            await TestDevice.AssertRefusedAsync(StatusCode.PermissionDenied, () => FetchAsync(tenant, device, asset));
        }
    }

    [Fact]
    public async Task A_request_without_an_identity_is_PERMISSION_DENIED()
    {
        var tenant = await fixture.SharedTenantAsync();
        var asset = await StoreAsync(tenant);

        await TestDevice.AssertRefusedAsync(StatusCode.PermissionDenied, () => tenant.Gateway.GetAssetDataAsync(
            new DeviceAssetDataRequest { TenantId = tenant.Id.ToString(), AssetDataId = asset }).ResponseAsync);
    }

    /// <summary>Stores asset data as the AssetData API does (that API needs Edge's public URL, which this fixture has not).</summary>
    private async Task<string> StoreAsync(TestTenant tenant)
    {
        var id = Guid.CreateVersion7();
        await fixture.InTenantAsync(tenant.Id, (db, _) =>
        {
            db.AssetData.Add(new AssetDataEntity
            {
                Id = id,
                TenantId = tenant.Id,
                ContentType = "application/pkcs1",
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(Data)),
                Size = Data.Length,
                Data = Data,
                CreatedAt = DateTime.UtcNow,
            });
            return db.SaveChangesAsync();
        });
        return id.ToString();
    }

    private Task<string> StoredHashAsync(TestTenant tenant, string assetId) =>
        fixture.ReadAsync(tenant.Id, db => Task.FromResult(db.AssetData.Single(a => a.Id == Guid.Parse(assetId)).Sha256));

    private static Task<DeviceResponse> FetchAsync(TestTenant tenant, TestDevice device, string assetId) =>
        tenant.Gateway.GetAssetDataAsync(new DeviceAssetDataRequest
        {
            TenantId = tenant.Id.ToString(),
            Identity = new DeviceIdentity { CertificateDer = ByteString.CopyFrom(device.Certificate.RawData), Source = DeviceIdentity.Types.Source.MdmSignature },
            AssetDataId = assetId,
        }).ResponseAsync;
}
