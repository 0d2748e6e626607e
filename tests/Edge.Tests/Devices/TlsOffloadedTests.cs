using System.Net;
using SaaSMdm.Contracts.Internal.V1;
using SaaSMdm.TestHosts;
using static SaaSMdm.Edge.Tests.Devices.EdgeOverStubCore;

namespace SaaSMdm.Edge.Tests.Devices;

/// <summary>
/// Edge behind a load balancer that terminates TLS: plain HTTP inside. The test client plays the balancer, so the
/// public URL is Edge's own address.
/// </summary>
public sealed class EdgeBehindTlsOffloading : EdgeOverStubCore
{
    private static readonly string Url = $"http://127.0.0.1:{HostProcess.FreePort()}";

    protected override IDictionary<string, string?> EdgeSettings { get; } = new Dictionary<string, string?>
    {
        ["Edge:Url"] = Url,
        ["Edge:TlsOffloaded"] = "true",
        ["Edge:PublicUrl"] = Url,
    };
}

/// <summary>Edge declared TLS-offloaded but still given an https endpoint: client certificates are not the device's word.</summary>
public sealed class EdgeOffloadedOverHttps : EdgeOverStubCore
{
    protected override IDictionary<string, string?> EdgeSettings { get; } = new Dictionary<string, string?>
    {
        ["Edge:TlsOffloaded"] = "true",
        ["Edge:PublicUrl"] = "https://mdm.example.com",
    };
}

/// <summary>With TLS offloaded, a device proves who it is with Mdm-Signature alone.</summary>
public sealed class TlsOffloadedTests : IClassFixture<EdgeBehindTlsOffloading>, IClassFixture<EdgeOffloadedOverHttps>
{
    private readonly EdgeBehindTlsOffloading _plain;
    private readonly EdgeOffloadedOverHttps _https;

    public TlsOffloadedTests(EdgeBehindTlsOffloading plain, EdgeOffloadedOverHttps https)
    {
        _plain = plain;
        _https = https;
        plain.Core.Reset();
        https.Core.Reset();
    }

    [Fact]
    public async Task A_signed_check_in_reaches_Core_with_the_signer_as_identity()
    {
        using var http = new HttpClient { BaseAddress = _plain.Edge.Address };

        var response = await http.SendAsync(DeviceRequests.Put($"/t/{TenantA}/mdm/checkin", DeviceMessages.Authenticate, DeviceCertificates.Device));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var forwarded = _plain.Core.Single<CheckInRequest>();
        Assert.Equal(DeviceIdentity.Types.Source.MdmSignature, forwarded.Identity.Source);
        Assert.Equal(DeviceCertificates.Device.RawData, forwarded.Identity.CertificateDer.ToByteArray());
        Assert.Equal(DeviceMessages.Authenticate, forwarded.Plist.ToByteArray());
    }

    [Fact]
    public async Task An_unsigned_report_is_401()
    {
        using var http = new HttpClient { BaseAddress = _plain.Edge.Address };

        var response = await http.SendAsync(DeviceRequests.Put($"/t/{TenantA}/mdm/connect", DeviceMessages.Idle));

        await DeviceRequests.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Empty(_plain.Core.DeviceCalls);
    }

    [Fact]
    public async Task The_profile_points_at_the_requests_origin_and_carries_no_development_CA()
    {
        using var http = new HttpClient { BaseAddress = _plain.Edge.Address };

        await http.GetAsync($"/t/{TenantA}/enroll");

        var asked = _plain.Core.Single<GetEnrollmentProfileRequest>();
        Assert.Equal($"http://{_plain.Edge.Address.Authority}/t/{TenantA}", asked.BaseUrl);
        Assert.True(asked.TlsRootCaDer.IsEmpty);
    }

    [Fact]
    public async Task A_TLS_client_certificate_alone_is_not_an_identity()
    {
        using var device = _https.Edge.CreateClient(DeviceCertificates.Device);

        var response = await device.SendAsync(DeviceRequests.Put($"/t/{TenantA}/mdm/connect", DeviceMessages.Idle));

        await DeviceRequests.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Empty(_https.Core.DeviceCalls);
    }

    [Fact]
    public async Task With_a_TLS_client_certificate_the_signature_still_decides()
    {
        using var device = _https.Edge.CreateClient(DeviceCertificates.Device);

        var response = await device.SendAsync(DeviceRequests.Put($"/t/{TenantA}/mdm/connect", DeviceMessages.Idle, DeviceCertificates.OtherDevice));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var forwarded = _https.Core.Single<ConnectRequest>();
        Assert.Equal(DeviceIdentity.Types.Source.MdmSignature, forwarded.Identity.Source);
        Assert.Equal(DeviceCertificates.OtherDevice.RawData, forwarded.Identity.CertificateDer.ToByteArray());
    }
}
