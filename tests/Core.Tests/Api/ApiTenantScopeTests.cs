using Google.Protobuf;
using Grpc.Health.V1;
using HealthClient = Grpc.Health.V1.Health.HealthClient;
using DeclarationsClient = SaaSMdm.Contracts.V1.Declarations.DeclarationsClient;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Api;
using SaaSMdm.Rpc;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests.Api;

/// <summary>Every call of the tenant-scoped services names its tenant; a malformed or unknown one never reaches the handler.</summary>
public sealed class ApiTenantScopeTests(ApiFixture<OnSqlite> fixture) : IClassFixture<ApiFixture<OnSqlite>>
{
    public static TheoryData<string> Calls =>
    [
        "ListDevices", "GetDevice", "PushDevice", "RemoveDevice", "EnqueueCommand", "ListDeviceCommands", "CancelCommand",
        "CreateEnrollmentToken", "ListEnrollmentTokens", "RevokeEnrollmentToken", "SetOpenEnrollment", "GetEnrollmentSettings",
        "UploadPushCertificate", "GetPushCertificate",
        "PutDeclaration", "GetDeclaration", "ListDeclarations", "DeleteDeclaration", "TouchDeclaration", "CreateSet", "GetSet", "ListSets",
        "UpdateSet", "DeleteSet", "SetSetDeclarations", "AddDeclarationsToSet", "RemoveDeclarationsFromSet", "CreateDeviceGroup",
        "ListDeviceGroups", "DeleteDeviceGroup", "AddDevicesToGroup", "RemoveDevicesFromGroup", "AssignSet", "UnassignSet", "ListAssignments",
        "GetDeviceDeclarations", "SetDeviceProperties", "GetDeviceProperties", "SetDefaultStatusSubscription", "SyncDevices",
        "UploadAssetData", "GetAssetData", "ListAssetData", "DeleteAssetData",
        "GetDeviceStatus", "ListStatusReports", "GetDeclarationFleetStatus",
        "WatchEvents", "ListEvents",
        "CreateWebhook", "GetWebhook", "ListWebhooks", "UpdateWebhook", "DeleteWebhook", "RotateWebhookSecret", "ListWebhookDeliveries", "SendTestEvent",
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
    [InlineData("saasmdm.v1.Declarations")]
    [InlineData("saasmdm.v1.AssetData")]
    [InlineData("saasmdm.v1.DeclarativeStatus")]
    [InlineData("saasmdm.v1.Events")]
    [InlineData("saasmdm.v1.Webhooks")]
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
            "UploadAssetData" => fixture.AssetData.UploadAssetDataAsync(new UploadAssetDataRequest { TenantId = tenantId, ContentType = "text/plain", Data = ByteString.CopyFromUtf8("x") }).ResponseAsync,
            "GetAssetData" => fixture.AssetData.GetAssetDataAsync(new GetAssetDataRequest { TenantId = tenantId, AssetDataId = device }).ResponseAsync,
            "ListAssetData" => fixture.AssetData.ListAssetDataAsync(new ListAssetDataRequest { TenantId = tenantId }).ResponseAsync,
            "DeleteAssetData" => fixture.AssetData.DeleteAssetDataAsync(new DeleteAssetDataRequest { TenantId = tenantId, AssetDataId = device }).ResponseAsync,
            _ => CallEventsAndWebhooksAsync(call, tenantId, device) ?? CallDeclarationsAsync(call, tenantId, device),
        };
    }

    private Task? CallEventsAndWebhooksAsync(string call, string tenantId, string id)
    {
        var events = new Contracts.V1.Events.EventsClient(fixture.Host.Channel.CreateCallInvoker());
        var webhooks = new Contracts.V1.Webhooks.WebhooksClient(fixture.Host.Channel.CreateCallInvoker());
        return call switch
        {
            "WatchEvents" => FirstAsync(events.WatchEventsAsync(new WatchEventsRequest { TenantId = tenantId })),
            "ListEvents" => events.ListEventsAsync(new ListEventsRequest { TenantId = tenantId }).ResponseAsync,
            "CreateWebhook" => webhooks.CreateWebhookAsync(new CreateWebhookRequest { TenantId = tenantId, Url = "https://hooks.example.test/x" }).ResponseAsync,
            "GetWebhook" => webhooks.GetWebhookAsync(new GetWebhookRequest { TenantId = tenantId, WebhookId = id }).ResponseAsync,
            "ListWebhooks" => webhooks.ListWebhooksAsync(new ListWebhooksRequest { TenantId = tenantId }).ResponseAsync,
            "UpdateWebhook" => webhooks.UpdateWebhookAsync(new UpdateWebhookRequest { TenantId = tenantId, WebhookId = id, Enabled = false }).ResponseAsync,
            "DeleteWebhook" => webhooks.DeleteWebhookAsync(new DeleteWebhookRequest { TenantId = tenantId, WebhookId = id }).ResponseAsync,
            "RotateWebhookSecret" => webhooks.RotateWebhookSecretAsync(new RotateWebhookSecretRequest { TenantId = tenantId, WebhookId = id }).ResponseAsync,
            "ListWebhookDeliveries" => webhooks.ListWebhookDeliveriesAsync(new ListWebhookDeliveriesRequest { TenantId = tenantId, WebhookId = id }).ResponseAsync,
            "SendTestEvent" => webhooks.SendTestEventAsync(new SendTestEventRequest { TenantId = tenantId, WebhookId = id }).ResponseAsync,
            _ => null,
        };
    }

    /// <summary>A stream's status arrives with its first read.</summary>
    private static async Task FirstAsync<T>(Rpc.Client.AsyncServerStreamingCall<T> call)
    {
        using (call)
        {
            await call.ResponseStream.MoveNext(CancellationToken.None);
        }
    }

    private Task CallDeclarationsAsync(string call, string tenantId, string id)
    {
        var api = new DeclarationsClient(fixture.Host.Channel.CreateCallInvoker());
        return call switch
        {
            "PutDeclaration" => api.PutDeclarationAsync(new PutDeclarationRequest { TenantId = tenantId, Identifier = "x", Type = "com.apple.configuration.passcode.settings", PayloadJson = "{}" }).ResponseAsync,
            "GetDeclaration" => api.GetDeclarationAsync(new GetDeclarationRequest { TenantId = tenantId, Identifier = "x" }).ResponseAsync,
            "ListDeclarations" => api.ListDeclarationsAsync(new ListDeclarationsRequest { TenantId = tenantId }).ResponseAsync,
            "DeleteDeclaration" => api.DeleteDeclarationAsync(new DeleteDeclarationRequest { TenantId = tenantId, Identifier = "x" }).ResponseAsync,
            "TouchDeclaration" => api.TouchDeclarationAsync(new TouchDeclarationRequest { TenantId = tenantId, Identifier = "x" }).ResponseAsync,
            "CreateSet" => api.CreateSetAsync(new CreateSetRequest { TenantId = tenantId, Name = "x" }).ResponseAsync,
            "GetSet" => api.GetSetAsync(new GetSetRequest { TenantId = tenantId, SetId = id }).ResponseAsync,
            "ListSets" => api.ListSetsAsync(new ListSetsRequest { TenantId = tenantId }).ResponseAsync,
            "UpdateSet" => api.UpdateSetAsync(new UpdateSetRequest { TenantId = tenantId, SetId = id, Name = "x" }).ResponseAsync,
            "DeleteSet" => api.DeleteSetAsync(new DeleteSetRequest { TenantId = tenantId, SetId = id }).ResponseAsync,
            "SetSetDeclarations" => api.SetSetDeclarationsAsync(new SetDeclarationsRequest { TenantId = tenantId, SetId = id }).ResponseAsync,
            "AddDeclarationsToSet" => api.AddDeclarationsToSetAsync(new SetDeclarationsRequest { TenantId = tenantId, SetId = id, Identifiers = { "x" } }).ResponseAsync,
            "RemoveDeclarationsFromSet" => api.RemoveDeclarationsFromSetAsync(new SetDeclarationsRequest { TenantId = tenantId, SetId = id, Identifiers = { "x" } }).ResponseAsync,
            "CreateDeviceGroup" => api.CreateDeviceGroupAsync(new CreateDeviceGroupRequest { TenantId = tenantId, Name = "x" }).ResponseAsync,
            "ListDeviceGroups" => api.ListDeviceGroupsAsync(new ListDeviceGroupsRequest { TenantId = tenantId }).ResponseAsync,
            "DeleteDeviceGroup" => api.DeleteDeviceGroupAsync(new DeleteDeviceGroupRequest { TenantId = tenantId, GroupId = id }).ResponseAsync,
            "AddDevicesToGroup" => api.AddDevicesToGroupAsync(new GroupDevicesRequest { TenantId = tenantId, GroupId = id, DeviceIds = { id } }).ResponseAsync,
            "RemoveDevicesFromGroup" => api.RemoveDevicesFromGroupAsync(new GroupDevicesRequest { TenantId = tenantId, GroupId = id, DeviceIds = { id } }).ResponseAsync,
            "AssignSet" => api.AssignSetAsync(new AssignSetRequest { TenantId = tenantId, SetId = id, DeviceIds = { id } }).ResponseAsync,
            "UnassignSet" => api.UnassignSetAsync(new AssignSetRequest { TenantId = tenantId, SetId = id, DeviceIds = { id } }).ResponseAsync,
            "ListAssignments" => api.ListAssignmentsAsync(new ListAssignmentsRequest { TenantId = tenantId, SetId = id }).ResponseAsync,
            "GetDeviceDeclarations" => api.GetDeviceDeclarationsAsync(new GetDeviceDeclarationsRequest { TenantId = tenantId, DeviceId = id }).ResponseAsync,
            "SetDeviceProperties" => api.SetDevicePropertiesAsync(new SetDevicePropertiesRequest { TenantId = tenantId, DeviceId = id }).ResponseAsync,
            "GetDeviceProperties" => api.GetDevicePropertiesAsync(new GetDevicePropertiesRequest { TenantId = tenantId, DeviceId = id }).ResponseAsync,
            "SetDefaultStatusSubscription" => api.SetDefaultStatusSubscriptionAsync(new SetDefaultStatusSubscriptionRequest { TenantId = tenantId, Enabled = false }).ResponseAsync,
            "SyncDevices" => api.SyncDevicesAsync(new SyncDevicesRequest { TenantId = tenantId }).ResponseAsync,
            _ => throw new ArgumentOutOfRangeException(nameof(call)),
        };
    }
}
