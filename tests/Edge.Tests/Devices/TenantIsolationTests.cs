using System.Net;
using Google.Protobuf;
using SaaSMdm.Contracts.Internal.V1;
using static SaaSMdm.Edge.Tests.Devices.EdgeOverStubCore;

namespace SaaSMdm.Edge.Tests.Devices;

/// <summary>A request is only ever carried to Core as the tenant its URL names.</summary>
public sealed class TenantIsolationTests(EdgeOverStubCore fixture) : DeviceEndpointTests(fixture)
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "enroll?token=t" },
        { "GET", "scep?operation=GetCACaps" },
        { "GET", "scep?operation=PKIOperation&message=AQID" },
        { "POST", "scep?operation=PKIOperation" },
        { "PUT", "mdm/checkin" },
        { "PUT", "mdm/connect" },
        { "GET", "ddm/assets/0199a1b2-0000-7000-8000-000000000001" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task An_unknown_tenant_is_404_on_every_endpoint(string method, string endpoint)
    {
        var response = await Device.SendAsync(Request(method, $"/t/no-such-tenant/{endpoint}"));

        await DeviceRequests.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Empty(Core.DeviceCalls);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task The_same_device_at_another_tenants_URL_reaches_Core_as_that_tenant_only(string method, string endpoint)
    {
        await Device.SendAsync(Request(method, $"/t/{TenantA}/{endpoint}"));
        await Device.SendAsync(Request(method, $"/t/{TenantB}/{endpoint}"));

        var tenantIds = Core.DeviceCalls.Select(TenantIdOf).ToList();
        Assert.Equal([TenantAId, TenantBId], tenantIds);
    }

    private static HttpRequestMessage Request(string method, string path) => method switch
    {
        "PUT" => DeviceRequests.Put(path, path.EndsWith("checkin", StringComparison.Ordinal) ? DeviceMessages.Authenticate : DeviceMessages.Idle),
        "POST" => new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent([1, 2, 3]) },
        _ => new HttpRequestMessage(HttpMethod.Get, path),
    };

    private static string TenantIdOf(IMessage call) => call switch
    {
        GetEnrollmentProfileRequest r => r.TenantId,
        ScepRequest r => r.TenantId,
        CheckInRequest r => r.TenantId,
        ConnectRequest r => r.TenantId,
        DeviceAssetDataRequest r => r.TenantId,
        _ => throw new InvalidOperationException(call.GetType().Name),
    };
}
