using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Declarations;
using SaaSMdm.Core.Declarations.Status;
using SaaSMdm.Rpc;
using SaaSMdm.TestHosts;
using static SaaSMdm.Core.Tests.Gateway.DeclarativeManagementSeeding;
using DeclarativeStatusClient = SaaSMdm.Contracts.V1.DeclarativeStatus.DeclarativeStatusClient;

namespace SaaSMdm.Core.Tests.Api;

public sealed class DeclarativeStatusApiTestsOnSqlite(ApiFixture<OnSqlite> fixture) : DeclarativeStatusApiTests<OnSqlite>(fixture), IClassFixture<ApiFixture<OnSqlite>>;

public sealed class DeclarativeStatusApiTestsOnPostgres(ApiFixture<OnPostgres> fixture) : DeclarativeStatusApiTests<OnPostgres>(fixture), IClassFixture<ApiFixture<OnPostgres>>;

/// <summary>The DeclarativeStatus API over reports taken in as the check-in takes them.</summary>
public abstract class DeclarativeStatusApiTests<TProvider>(ApiFixture<TProvider> fixture) where TProvider : IProviderChoice
{
    private const string EnforcementType = "com.apple.configuration.softwareupdate.enforcement.specific";

    private DeclarativeStatusClient Status => new(fixture.Host.Channel.CreateCallInvoker());

    [Fact]
    public async Task Device_status_shows_the_tree_errors_each_declaration_and_the_software_update_summary()
    {
        var tenant = await fixture.CreateTenantAsync();
        var device = (await fixture.SeedDevicesAsync(tenant.Id, 1))[0];
        var tenantId = Guid.Parse(tenant.Id);
        var passcode = await AssignAsync(fixture.Host.Services, tenantId, PasscodeType, "com.example.passcode", """{"MinimumLength": 6}""", device.Id);
        var update = await AssignAsync(fixture.Host.Services, tenantId, EnforcementType, "com.example.update",
            """{"TargetOSVersion": "18.2", "TargetLocalDateTime": "2026-01-31T18:00:00"}""", device.Id);
        await IngestAsync(tenant.Id, device, Report(true, $$"""
            {"identifier": "com.example.passcode", "server-token": "{{passcode.ServerToken}}", "active": false, "valid": "invalid", "reasons": [{"code": "Error.ConfigurationCannotBeApplied"}]},
            {"identifier": "com.example.update", "server-token": "{{update.ServerToken}}", "active": true, "valid": "valid"},
            {"identifier": "com.example.stale", "server-token": "old", "active": true, "valid": "valid"}
            """, """
            "softwareupdate": {"install-state": "downloading", "pending-version": {"os-version": "18.2", "build-version": "22C1"},
              "install-reason": {"reason": ["declaration"], "declaration-id": "com.example.update"},
              "failure-reason": {"reason": "low battery", "count": 2, "timestamp": "2026-01-02T03:04:05Z"}}
            """, """[{"StatusItem": "device.power.battery-health", "Reasons": [{"Code": "Error.NotSupported"}]}]"""));

        var status = await Status.GetDeviceStatusAsync(new GetDeviceStatusRequest { TenantId = tenant.Id, DeviceId = device.Id.ToString() });

        Assert.Equal((device.Id.ToString(), device.Id.ToString()), (status.DeviceId, status.EnrollmentId));
        Assert.Contains("\"install-state\":\"downloading\"", status.StatusJson);
        Assert.Contains("Error.NotSupported", status.ErrorsJson);
        Assert.NotNull(status.StatusUpdatedTime);
        Assert.NotNull(status.LastFullReportTime);
        var byId = status.Declarations.ToDictionary(d => d.Identifier);
        Assert.Equal((DeclarationState.Failed, "invalid", true), (byId["com.example.passcode"].State, byId["com.example.passcode"].Valid, byId["com.example.passcode"].Current));
        Assert.Contains("Error.ConfigurationCannotBeApplied", byId["com.example.passcode"].ReasonsJson);
        Assert.Equal((DeclarationState.Active, "configuration"), (byId["com.example.update"].State, byId["com.example.update"].Category));
        Assert.Equal((DeclarationState.NotAssigned, false, ""), (byId["com.example.stale"].State, byId["com.example.stale"].Current, byId["com.example.stale"].CurrentServerToken));
        Assert.Equal(DeclarationState.Pending, byId[BuiltInDeclarations.StatusSubscriptionIdentifier].State);
        var software = status.SoftwareUpdate;
        Assert.Equal(("downloading", "18.2", "22C1"), (software.InstallState, software.PendingOsVersion, software.PendingBuildVersion));
        Assert.Equal(("low battery", 2L, "com.example.update"), (software.FailureReason, software.FailureCount, software.InstallDeclarationId));
        Assert.Equal(["declaration"], software.InstallReasons);
        var enforcement = Assert.Single(software.Enforcements);
        Assert.Equal(("com.example.update", "18.2", "2026-01-31T18:00:00", DeclarationState.Active),
            (enforcement.Identifier, enforcement.TargetOsVersion, enforcement.TargetLocalDateTime, enforcement.State));
    }

    [Fact]
    public async Task Raw_reports_are_listed_newest_first_a_page_at_a_time()
    {
        var tenant = await fixture.CreateTenantAsync();
        var device = (await fixture.SeedDevicesAsync(tenant.Id, 1))[0];
        for (var i = 0; i < 3; i++)
        {
            await IngestAsync(tenant.Id, device, Report(i == 0, $$"""{"identifier": "r{{i}}", "server-token": "t", "active": true, "valid": "valid"}"""));
        }

        var first = await Status.ListStatusReportsAsync(new ListStatusReportsRequest { TenantId = tenant.Id, DeviceId = device.Id.ToString(), PageSize = 2 });
        var second = await Status.ListStatusReportsAsync(new ListStatusReportsRequest { TenantId = tenant.Id, DeviceId = device.Id.ToString(), PageSize = 2, PageToken = first.NextPageToken });

        Assert.Equal(2, first.Reports.Count);
        Assert.Contains("r2", first.Reports[0].ReportJson);
        Assert.Contains("r1", first.Reports[1].ReportJson);
        var last = Assert.Single(second.Reports);
        Assert.Contains("r0", last.ReportJson);
        Assert.True(last.FullReport);
        Assert.Empty(second.NextPageToken);
        await AssertRefusedAsync(StatusCode.InvalidArgument, () => Status.ListStatusReportsAsync(
            new ListStatusReportsRequest { TenantId = tenant.Id, DeviceId = device.Id.ToString(), PageToken = "not-a-token" }).ResponseAsync);
    }

    [Fact]
    public async Task Fleet_status_counts_each_state_over_the_channels_the_declaration_reaches_and_lists_the_failing()
    {
        var tenant = await fixture.CreateTenantAsync();
        var devices = await fixture.SeedDevicesAsync(tenant.Id, 6);
        var declaration = await AssignAsync(fixture.Host.Services, Guid.Parse(tenant.Id), PasscodeType, "com.example.fleet", """{"MinimumLength": 6}""",
            devices.Take(5).Select(d => d.Id).ToArray());
        string Row(bool active, string valid, string token, string reasons = "[]") =>
            $$"""{"identifier": "com.example.fleet", "server-token": "{{token}}", "active": {{(active ? "true" : "false")}}, "valid": "{{valid}}", "reasons": {{reasons}}}""";
        await IngestAsync(tenant.Id, devices[0], Report(true, Row(true, "valid", declaration.ServerToken)));
        await IngestAsync(tenant.Id, devices[1], Report(true, Row(false, "invalid", declaration.ServerToken, """[{"code": "Error.ConfigurationCannotBeApplied"}]""")));
        await IngestAsync(tenant.Id, devices[2], Report(true, Row(false, "valid", declaration.ServerToken, """[{"code": "Error.AssetCannotBeDownloaded"}]""")));
        await IngestAsync(tenant.Id, devices[3], Report(true, Row(false, "valid", declaration.ServerToken)));
        await IngestAsync(tenant.Id, devices[4], Report(true, Row(false, "invalid", "an-old-token")));
        await IngestAsync(tenant.Id, devices[5], Report(true, Row(false, "invalid", declaration.ServerToken)));

        var fleet = await Status.GetDeclarationFleetStatusAsync(new GetDeclarationFleetStatusRequest { TenantId = tenant.Id, Identifier = "com.example.fleet", PageSize = 1 });
        var next = await Status.GetDeclarationFleetStatusAsync(new GetDeclarationFleetStatusRequest { TenantId = tenant.Id, Identifier = "com.example.fleet", PageSize = 1, PageToken = fleet.NextPageToken });
        var builtIn = await Status.GetDeclarationFleetStatusAsync(new GetDeclarationFleetStatusRequest { TenantId = tenant.Id, Identifier = BuiltInDeclarations.StatusSubscriptionIdentifier });

        Assert.Equal((5, 1, 2, 1, 1), (fleet.Total, fleet.Active, fleet.Failed, fleet.Inactive, fleet.Pending));
        Assert.Equal(declaration.ServerToken, fleet.CurrentServerToken);
        var failing = fleet.Failing.Concat(next.Failing).ToList();
        Assert.Equal(new[] { devices[1].Id, devices[2].Id }.Order().Select(id => id.ToString()), failing.Select(f => f.EnrollmentId));
        Assert.All(failing, f => Assert.Contains("Error.", f.ReasonsJson));
        Assert.Empty(next.NextPageToken);
        Assert.Equal((6, 6), (builtIn.Total, builtIn.Pending));
        await AssertRefusedAsync(StatusCode.NotFound, () => Status.GetDeclarationFleetStatusAsync(
            new GetDeclarationFleetStatusRequest { TenantId = tenant.Id, Identifier = "com.example.nothing" }).ResponseAsync);
        await AssertRefusedAsync(StatusCode.InvalidArgument, () => Status.GetDeclarationFleetStatusAsync(
            new GetDeclarationFleetStatusRequest { TenantId = tenant.Id }).ResponseAsync);
    }

    [Fact]
    public async Task Another_tenants_devices_channels_and_declarations_are_not_found()
    {
        var tenant = await fixture.CreateTenantAsync();
        var other = await fixture.CreateTenantAsync();
        var device = (await fixture.SeedDevicesAsync(tenant.Id, 1))[0];
        var foreign = (await fixture.SeedDevicesAsync(other.Id, 1))[0];
        await AssignAsync(fixture.Host.Services, Guid.Parse(other.Id), PasscodeType, "com.example.theirs", """{"MinimumLength": 6}""", foreign.Id);
        await IngestAsync(other.Id, foreign, Report(true, ""));
        var before = await fixture.CountAllAsync();

        await AssertRefusedAsync(StatusCode.NotFound, () => Status.GetDeviceStatusAsync(new GetDeviceStatusRequest { TenantId = tenant.Id, DeviceId = foreign.Id.ToString() }).ResponseAsync);
        await AssertRefusedAsync(StatusCode.NotFound, () => Status.ListStatusReportsAsync(new ListStatusReportsRequest { TenantId = tenant.Id, DeviceId = foreign.Id.ToString() }).ResponseAsync);
        await AssertRefusedAsync(StatusCode.NotFound, () => Status.GetDeviceStatusAsync(
            new GetDeviceStatusRequest { TenantId = tenant.Id, DeviceId = device.Id.ToString(), UserChannelId = foreign.Id.ToString() }).ResponseAsync);
        await AssertRefusedAsync(StatusCode.NotFound, () => Status.GetDeclarationFleetStatusAsync(
            new GetDeclarationFleetStatusRequest { TenantId = tenant.Id, Identifier = "com.example.theirs" }).ResponseAsync);
        await AssertRefusedAsync(StatusCode.InvalidArgument, () => Status.GetDeviceStatusAsync(new GetDeviceStatusRequest { TenantId = tenant.Id, DeviceId = "device-1" }).ResponseAsync);
        Assert.Equal(before, await fixture.CountAllAsync());
    }

    [Fact]
    public async Task A_user_channel_is_named_by_its_enrollment_id_as_in_the_Devices_API()
    {
        var tenant = await fixture.CreateTenantAsync();
        var device = (await fixture.SeedDevicesAsync(tenant.Id, 1))[0];
        var user = await TestDevices.SeedUserChannelAsync(fixture.Host.Services, tenant.Id, device);

        var status = await Status.GetDeviceStatusAsync(new GetDeviceStatusRequest { TenantId = tenant.Id, DeviceId = device.Id.ToString(), UserChannelId = user.ChannelId });

        Assert.Equal((device.Id.ToString(), user.ChannelId), (status.DeviceId, status.EnrollmentId));
        await AssertRefusedAsync(StatusCode.NotFound, () => Status.GetDeviceStatusAsync(
            new GetDeviceStatusRequest { TenantId = tenant.Id, DeviceId = device.Id.ToString(), UserChannelId = user.Id.ToString() }).ResponseAsync);
    }

    private async Task IngestAsync(string tenantId, EnrollmentEntity device, string report)
    {
        await using var scope = fixture.TenantScope(tenantId);
        await scope.ServiceProvider.GetRequiredService<StatusIngestion>().IngestAsync(device, Encoding.UTF8.GetBytes(report), CancellationToken.None);
    }

    private static async Task AssertRefusedAsync(StatusCode status, Func<Task> call) =>
        Assert.Equal(status, (await Assert.ThrowsAsync<RpcException>(call)).StatusCode);
}
