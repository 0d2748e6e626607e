using Grpc.Health.V1;
using HealthClient = Grpc.Health.V1.Health.HealthClient;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Api;
using SaaSMdm.Rpc;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests.Api;

/// <summary>Every Devices, Commands, Enrollment and DeclarativeStatus call names its tenant; a malformed or unknown one never reaches the handler.</summary>
public sealed class ApiTenantScopeTests(ApiFixture<OnSqlite> fixture) : IClassFixture<ApiFixture<OnSqlite>>
{
    public static TheoryData<string> Calls =>
    [
        "ListDevices", "GetDevice", "PushDevice", "RemoveDevice", "EnqueueCommand", "ListDeviceCommands", "CancelCommand",
        "CreateEnrollmentToken", "ListEnrollmentTokens", "RevokeEnrollmentToken", "SetOpenEnrollment", "GetEnrollmentSettings",
        "UploadPushCertificate", "GetPushCertificate", "GetDeviceStatus", "ListStatusReports", "GetDeclarationFleetStatus",
    ];

    [Fact]
    public void Every_method_of_the_tenant_scoped_services_is_covered() =>
        Assert.Equal(
            PublicApi.TenantScopedServices.SelectMany(service => service.Methods).Select(method => method.Name).Order(),
            Calls.Cast<object[]>().Select(row => (string)row[0]).Order());

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Malformed_tenant_id_is_INVALID_ARGUMENT_and_unknown_tenant_NOT_FOUND(string call)
    {
        var before = await fixture.CountAllAsync();

        var malformed = await Assert.ThrowsAsync<RpcException>(() => CallAsync(call, "tenant-1"));
        var empty = await Assert.ThrowsAsync<RpcException>(() => CallAsync(call, ""));
        var unknown = await Assert.ThrowsAsync<RpcException>(() => CallAsync(call, Guid.NewGuid().ToString()));

        Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);
        Assert.Contains("tenant_id", malformed.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, empty.StatusCode);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(before, await fixture.CountAllAsync());
    }

    [Theory]
    [InlineData("saasmdm.v1.Devices")]
    [InlineData("saasmdm.v1.Commands")]
    [InlineData("saasmdm.v1.Enrollment")]
    [InlineData("saasmdm.v1.DeclarativeStatus")]
    public async Task Health_answers_for_the_public_services(string service)
    {
        var health = new HealthClient(fixture.Host.Channel.CreateCallInvoker());

        var response = await health.CheckAsync(new HealthCheckRequest { Service = service });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    private Task CallAsync(string call, string tenantId)
    {
        var device = Guid.NewGuid().ToString();
        return call switch
        {
            "ListDevices" => fixture.Devices.ListDevicesAsync(new ListDevicesRequest { TenantId = tenantId }).ResponseAsync,
            "GetDevice" => fixture.Devices.GetDeviceAsync(new GetDeviceRequest { TenantId = tenantId, DeviceId = device }).ResponseAsync,
            "PushDevice" => fixture.Devices.PushDeviceAsync(new PushDeviceRequest { TenantId = tenantId, DeviceId = device }).ResponseAsync,
            "RemoveDevice" => fixture.Devices.RemoveDeviceAsync(new RemoveDeviceRequest { TenantId = tenantId, DeviceId = device }).ResponseAsync,
            "EnqueueCommand" => fixture.Commands.EnqueueCommandAsync(new EnqueueCommandRequest { TenantId = tenantId, DeviceIds = { device }, SecurityInfo = new() }).ResponseAsync,
            "ListDeviceCommands" => fixture.Commands.ListDeviceCommandsAsync(new ListDeviceCommandsRequest { TenantId = tenantId, DeviceId = device }).ResponseAsync,
            "CancelCommand" => fixture.Commands.CancelCommandAsync(new CancelCommandRequest { TenantId = tenantId, DeviceId = device, CommandUuid = "X" }).ResponseAsync,
            "CreateEnrollmentToken" => fixture.Enrollment.CreateEnrollmentTokenAsync(new CreateEnrollmentTokenRequest { TenantId = tenantId, Label = "x" }).ResponseAsync,
            "ListEnrollmentTokens" => fixture.Enrollment.ListEnrollmentTokensAsync(new ListEnrollmentTokensRequest { TenantId = tenantId }).ResponseAsync,
            "RevokeEnrollmentToken" => fixture.Enrollment.RevokeEnrollmentTokenAsync(new RevokeEnrollmentTokenRequest { TenantId = tenantId, TokenId = device }).ResponseAsync,
            "SetOpenEnrollment" => fixture.Enrollment.SetOpenEnrollmentAsync(new SetOpenEnrollmentRequest { TenantId = tenantId, Open = true }).ResponseAsync,
            "GetEnrollmentSettings" => fixture.Enrollment.GetEnrollmentSettingsAsync(new GetEnrollmentSettingsRequest { TenantId = tenantId }).ResponseAsync,
            "UploadPushCertificate" => fixture.Enrollment.UploadPushCertificateAsync(new UploadPushCertificateRequest { TenantId = tenantId }).ResponseAsync,
            "GetPushCertificate" => fixture.Enrollment.GetPushCertificateAsync(new GetPushCertificateRequest { TenantId = tenantId }).ResponseAsync,
            "GetDeviceStatus" => fixture.DeclarativeStatus.GetDeviceStatusAsync(new GetDeviceStatusRequest { TenantId = tenantId, DeviceId = device }).ResponseAsync,
            "ListStatusReports" => fixture.DeclarativeStatus.ListStatusReportsAsync(new ListStatusReportsRequest { TenantId = tenantId, DeviceId = device }).ResponseAsync,
            "GetDeclarationFleetStatus" => fixture.DeclarativeStatus.GetDeclarationFleetStatusAsync(
                new GetDeclarationFleetStatusRequest { TenantId = tenantId, Identifier = "com.example.x" }).ResponseAsync,
            _ => throw new ArgumentOutOfRangeException(nameof(call)),
        };
    }
}
