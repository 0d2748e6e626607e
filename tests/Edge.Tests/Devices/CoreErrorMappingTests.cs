using System.Net;
using SaaSMdm.Contracts;
using SaaSMdm.Contracts.Internal.V1;
using SaaSMdm.Rpc;
using static SaaSMdm.Edge.Tests.Devices.EdgeOverStubCore;

namespace SaaSMdm.Edge.Tests.Devices;

/// <summary>Edge that waits only a second for Core.</summary>
public sealed class EdgeWithShortCoreTimeout : EdgeOverStubCore
{
    protected override IDictionary<string, string?> EdgeSettings { get; } = new Dictionary<string, string?> { ["Edge:CoreCallTimeoutSeconds"] = "1" };
}

/// <summary>Core's gRPC statuses become HTTP answers a device understands, with problem+json bodies.</summary>
public sealed class CoreErrorMappingTests : DeviceEndpointTests, IClassFixture<EdgeWithShortCoreTimeout>
{
    private readonly EdgeWithShortCoreTimeout _impatient;

    public CoreErrorMappingTests(EdgeOverStubCore fixture, EdgeWithShortCoreTimeout impatient)
        : base(fixture)
    {
        _impatient = impatient;
        impatient.Core.Reset();
    }

    public static TheoryData<StatusCode, HttpStatusCode, bool> Mappings => new()
    {
        { StatusCode.NotFound, HttpStatusCode.NotFound, false },
        { StatusCode.PermissionDenied, HttpStatusCode.Forbidden, false },
        { StatusCode.Unauthenticated, HttpStatusCode.Unauthorized, false },
        { StatusCode.InvalidArgument, HttpStatusCode.BadRequest, false },
        { StatusCode.FailedPrecondition, HttpStatusCode.Conflict, false },
        { StatusCode.ResourceExhausted, HttpStatusCode.TooManyRequests, true },
        { StatusCode.Unavailable, HttpStatusCode.ServiceUnavailable, true },
        { StatusCode.DeadlineExceeded, HttpStatusCode.ServiceUnavailable, true },
        { StatusCode.Internal, HttpStatusCode.BadGateway, false },
        { StatusCode.Unimplemented, HttpStatusCode.BadGateway, false },
        { StatusCode.Unknown, HttpStatusCode.BadGateway, false },
    };

    [Theory]
    [MemberData(nameof(Mappings))]
    public async Task A_check_in_Core_refuses_gets_the_matching_HTTP_status(StatusCode grpc, HttpStatusCode http, bool retryLater)
    {
        Core.Failure = new Status(grpc, "core says no");

        var response = await Device.SendAsync(DeviceRequests.Put($"/t/{TenantA}/mdm/checkin", DeviceMessages.Authenticate));

        var detail = await DeviceRequests.AssertProblemAsync(response, http);
        Assert.Equal(retryLater, response.Headers.RetryAfter is not null);
        // Core's reason reaches the device for its own decisions, not for failures inside the service.
        Assert.Equal((int)http < 500, detail == "core says no");
    }

    [Theory]
    [InlineData("enroll")]
    [InlineData("scep?operation=GetCACaps")]
    [InlineData("mdm/connect")]
    public async Task Every_endpoint_maps_Core_statuses(string endpoint)
    {
        Core.Failure = new Status(StatusCode.PermissionDenied, "not for you");
        var request = endpoint == "mdm/connect"
            ? DeviceRequests.Put($"/t/{TenantA}/{endpoint}", DeviceMessages.Idle)
            : new HttpRequestMessage(HttpMethod.Get, $"/t/{TenantA}/{endpoint}");

        var response = await Device.SendAsync(request);

        Assert.Equal("not for you", await DeviceRequests.AssertProblemAsync(response, HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task Core_reasons_reach_the_device_bounded_and_without_control_characters()
    {
        Core.Failure = new Status(StatusCode.InvalidArgument, "bad UDID 'line\nforged' " + new string('x', 1000));

        var response = await Device.SendAsync(DeviceRequests.Put($"/t/{TenantA}/mdm/checkin", DeviceMessages.Authenticate));

        var detail = await DeviceRequests.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.StartsWith("bad UDID 'line forged' xxx", detail);
        Assert.EndsWith("…", detail);
        Assert.Equal(CallerText.MaxReasonLength + 1, detail.Length);
    }

    [Fact]
    public async Task Core_slower_than_the_deadline_is_503_with_Retry_After()
    {
        _impatient.Core.Delay = TimeSpan.FromSeconds(5);
        using var device = _impatient.Edge.CreateClient(DeviceCertificates.Device);
        var started = DateTime.UtcNow;

        var response = await device.SendAsync(DeviceRequests.Put($"/t/{TenantA}/mdm/connect", DeviceMessages.Idle));

        await DeviceRequests.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task An_answer_from_Core_that_is_not_an_HTTP_status_is_502()
    {
        Core.DeviceAnswer = new DeviceResponse { HttpStatus = 0 };

        var response = await Device.SendAsync(DeviceRequests.Put($"/t/{TenantA}/mdm/connect", DeviceMessages.Idle));

        await DeviceRequests.AssertProblemAsync(response, HttpStatusCode.BadGateway);
    }
}
