using SaaSMdm.Apple.Plist;
using SaaSMdm.Core.Enrollments;
using SaaSMdm.Rpc;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests.Gateway;

public sealed class DeviceInputLimitTestsOnSqlite(GatewayFixture<OnSqlite> fixture) : DeviceInputLimitTests<OnSqlite>(fixture), IClassFixture<GatewayFixture<OnSqlite>>;

public sealed class DeviceInputLimitTestsOnPostgres(GatewayFixture<OnPostgres> fixture) : DeviceInputLimitTests<OnPostgres>(fixture), IClassFixture<GatewayFixture<OnPostgres>>;

/// <summary>What a device escrows or registers is checked before it is stored: APNs' own rules, a topic of this tenant, bounded secrets.</summary>
public abstract class DeviceInputLimitTests<TProvider>(GatewayFixture<TProvider> fixture) where TProvider : IProviderChoice
{
    public static TheoryData<string, object> UnpushableRegistrations() => new()
    {
        { "Token", new PlistData(new byte[] { 1, 2 }) },
        { "Token", new PlistData(new byte[101]) },
        { "PushMagic", new PlistString("") },
        { "PushMagic", new PlistString(new string('m', 1025)) },
    };

    [Theory]
    [MemberData(nameof(UnpushableRegistrations))]
    public async Task A_TokenUpdate_APNs_would_refuse_is_refused_and_changes_nothing(string key, object value)
    {
        var tenant = await fixture.SharedTenantAsync();
        var device = await tenant.NewDeviceAsync();
        TestDevice.AssertAccepted(await device.CheckInAsync(device.Authenticate()));
        var before = await fixture.SnapshotAsync(tenant.Id);

        await TestDevice.AssertRefusedAsync(StatusCode.InvalidArgument, () => device.CheckInAsync(device.TokenUpdate().Set(key, (PlistValue)value)));

        Assert.Equal(before, await fixture.SnapshotAsync(tenant.Id));
    }

    [Fact]
    public async Task A_TokenUpdate_for_another_topic_is_refused_and_changes_nothing()
    {
        var tenant = await fixture.SharedTenantAsync();
        var device = await tenant.NewDeviceAsync();
        TestDevice.AssertAccepted(await device.CheckInAsync(device.Authenticate()));
        var before = await fixture.SnapshotAsync(tenant.Id);

        await TestDevice.AssertRefusedAsync(StatusCode.PermissionDenied, () => device.CheckInAsync(device.TokenUpdate().Set("Topic", "com.apple.mgmt.External.someone-else")));

        Assert.Equal(before, await fixture.SnapshotAsync(tenant.Id));
    }

    [Fact]
    public async Task Oversized_unlock_and_bootstrap_tokens_are_refused_and_change_nothing()
    {
        var tenant = await fixture.SharedTenantAsync();
        var device = await tenant.NewDeviceAsync();
        await device.EnrollAsync();
        var before = await fixture.SnapshotAsync(tenant.Id);
        var oversized = new byte[DeviceSecretLimits.MaxBytes + 1];

        await TestDevice.AssertRefusedAsync(StatusCode.InvalidArgument, () => device.CheckInAsync(device.TokenUpdate(unlockToken: oversized)));
        await TestDevice.AssertRefusedAsync(StatusCode.InvalidArgument, () => device.CheckInAsync(device.Message("SetBootstrapToken").Add("BootstrapToken", new PlistData(oversized))));

        Assert.Equal(before, await fixture.SnapshotAsync(tenant.Id));
    }
}
