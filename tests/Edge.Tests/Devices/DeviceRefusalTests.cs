using System.Net;
using System.Security.Cryptography.Pkcs;
using System.Text;
using SaaSMdm.Apple.Cms;
using static SaaSMdm.Edge.Tests.Devices.EdgeOverStubCore;

namespace SaaSMdm.Edge.Tests.Devices;

/// <summary>Requests Edge refuses itself: each gets a clear 4xx and Core hears nothing of it.</summary>
public sealed class DeviceRefusalTests(EdgeOverStubCore fixture) : DeviceEndpointTests(fixture)
{
    private const string CheckIn = $"/t/{TenantA}/mdm/checkin";
    private const string Connect = $"/t/{TenantA}/mdm/connect";

    [Theory]
    [InlineData(CheckIn)]
    [InlineData(Connect)]
    public async Task No_certificate_and_no_signature_is_401(string path)
    {
        var response = await Anonymous.SendAsync(DeviceRequests.Put(path, path == CheckIn ? DeviceMessages.Authenticate : DeviceMessages.Idle));

        Assert.Contains("no device identity", await RefusedAsync(response, HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task A_signature_over_other_bytes_is_401()
    {
        var request = DeviceRequests.Put(CheckIn, DeviceMessages.Authenticate);
        request.Headers.Add(MdmSignatureHeader.Name, DeviceCertificates.Sign(DeviceMessages.Idle, DeviceCertificates.Device));

        Assert.Contains("does not sign this body", await RefusedAsync(await Anonymous.SendAsync(request), HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_401()
    {
        var tampered = DeviceMessages.Authenticate.ToArray();
        var signature = DeviceCertificates.Sign(tampered, DeviceCertificates.Device);
        tampered[^20] ^= 0x01;
        var request = DeviceRequests.Put(CheckIn, tampered);
        request.Headers.Add(MdmSignatureHeader.Name, signature);

        await RefusedAsync(await Anonymous.SendAsync(request), HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("AAECAwQFBgcICQ==")]
    [InlineData("")]
    public async Task A_signature_header_that_is_not_a_CMS_signature_is_400(string header)
    {
        var request = DeviceRequests.Put(CheckIn, DeviceMessages.Authenticate);
        request.Headers.TryAddWithoutValidation(MdmSignatureHeader.Name, header);

        Assert.Contains("Mdm-Signature", await RefusedAsync(await Anonymous.SendAsync(request), HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_signature_that_carries_its_own_content_is_400()
    {
        var attached = new SignedCms(new ContentInfo(DeviceMessages.Authenticate), detached: false);
        attached.ComputeSignature(new CmsSigner(DeviceCertificates.Device));
        var request = DeviceRequests.Put(CheckIn, DeviceMessages.Authenticate);
        request.Headers.Add(MdmSignatureHeader.Name, Convert.ToBase64String(attached.Encode()));

        Assert.Contains("NotDetached", await RefusedAsync(await Anonymous.SendAsync(request), HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Two_signature_headers_are_400()
    {
        var request = DeviceRequests.Put(CheckIn, DeviceMessages.Authenticate, DeviceCertificates.Device);
        request.Headers.Add(MdmSignatureHeader.Name, DeviceCertificates.Sign(DeviceMessages.Authenticate, DeviceCertificates.Device));

        await RefusedAsync(await Anonymous.SendAsync(request), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_signature_by_another_certificate_than_the_TLS_one_is_401()
    {
        var request = DeviceRequests.Put(CheckIn, DeviceMessages.Authenticate, DeviceCertificates.OtherDevice);

        Assert.Contains("another certificate", await RefusedAsync(await Device.SendAsync(request), HttpStatusCode.Unauthorized));
    }

    [Theory]
    [InlineData(CheckIn)]
    [InlineData(Connect)]
    public async Task A_malformed_plist_is_400(string path)
    {
        var response = await Device.SendAsync(DeviceRequests.Put(path, DeviceMessages.Malformed));

        Assert.Contains("Malformed property list", await RefusedAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task An_empty_body_is_400()
    {
        await RefusedAsync(await Device.SendAsync(DeviceRequests.Put(CheckIn, [])), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_plist_nested_deeper_than_devices_ever_send_is_400()
    {
        var nested = string.Concat(Enumerable.Repeat("<array>", 40)) + string.Concat(Enumerable.Repeat("</array>", 40));
        var body = DeviceMessages.Plist($"<key>Status</key><string>Idle</string><key>UDID</key><string>u</string><key>Deep</key>{nested}");

        await RefusedAsync(await Device.SendAsync(DeviceRequests.Put(Connect, body)), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unknown_MessageType_is_400()
    {
        var response = await Device.SendAsync(DeviceRequests.Put(CheckIn, DeviceMessages.UnknownMessageType));

        Assert.Contains("MakeMeAdmin", await RefusedAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_command_report_sent_as_a_check_in_is_400()
    {
        var response = await Device.SendAsync(DeviceRequests.Put(CheckIn, DeviceMessages.Idle));

        Assert.Contains("MessageType", await RefusedAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_report_without_Status_is_400()
    {
        var response = await Device.SendAsync(DeviceRequests.Put(Connect, DeviceMessages.ReportWithoutStatus));

        Assert.Contains("Status", await RefusedAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_report_with_an_unknown_Status_is_400()
    {
        var body = DeviceMessages.Plist($"<key>Status</key><string>Maybe</string><key>UDID</key><string>{DeviceMessages.Udid}</string>");

        Assert.Contains("Maybe", await RefusedAsync(await Device.SendAsync(DeviceRequests.Put(Connect, body)), HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_long_reason_is_cut_short_in_the_answer()
    {
        var body = DeviceMessages.Plist($"<key>MessageType</key><string>{new string('A', 5000)}</string><key>UDID</key><string>u</string>");

        var detail = await RefusedAsync(await Device.SendAsync(DeviceRequests.Put(CheckIn, body)), HttpStatusCode.BadRequest);

        Assert.True(detail.Length < 300, detail);
    }

    /// <summary>A declared length is refused unread; a chunked body once it grows past the limit.</summary>
    [Theory]
    [InlineData(CheckIn, true)]
    [InlineData(Connect, true)]
    [InlineData(CheckIn, false)]
    [InlineData(Connect, false)]
    public async Task A_body_over_the_limit_is_413(string path, bool declaresLength)
    {
        var body = MdmEndpointTests.PaddedTo(new Hosting.EdgeOptions().MaxDeviceRequestBytes + 1);
        var request = new HttpRequestMessage(HttpMethod.Put, path)
        {
            Content = declaresLength ? new ByteArrayContent(body) : new UnknownLengthContent(body),
        };

        await RefusedAsync(await Device.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("GET", CheckIn)]
    [InlineData("POST", CheckIn)]
    [InlineData("DELETE", CheckIn)]
    [InlineData("GET", Connect)]
    [InlineData("POST", Connect)]
    [InlineData("PUT", $"/t/{TenantA}/enroll")]
    [InlineData("PUT", $"/t/{TenantA}/scep?operation=GetCACaps")]
    public async Task Other_methods_are_405(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET")
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes("x"));
        }

        await RefusedAsync(await Device.SendAsync(request), HttpStatusCode.MethodNotAllowed);
    }

    /// <summary>Asserts the refusal and that Core received no device call; returns the reason given.</summary>
    private async Task<string> RefusedAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var detail = await DeviceRequests.AssertProblemAsync(response, status);
        Assert.Empty(Core.DeviceCalls);
        return detail;
    }
}
