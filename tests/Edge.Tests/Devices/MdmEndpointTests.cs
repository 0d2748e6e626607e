using System.Net;
using Google.Protobuf;
using SaaSMdm.Apple.Cms;
using SaaSMdm.Apple.Plist;
using SaaSMdm.Contracts.Internal.V1;
using SaaSMdm.TestHosts;
using static SaaSMdm.Edge.Tests.Devices.EdgeOverStubCore;

namespace SaaSMdm.Edge.Tests.Devices;

/// <summary>Check-ins and command reports reach Core byte for byte, with the tenant and the device's identity.</summary>
public sealed class MdmEndpointTests(EdgeOverStubCore fixture) : DeviceEndpointTests(fixture)
{
    [Fact]
    public async Task Check_in_over_TLS_with_a_client_certificate_reaches_Core_as_sent()
    {
        Core.DeviceAnswer = new DeviceResponse { HttpStatus = 200, ContentType = "text/plain", Body = ByteString.CopyFromUtf8("welcome") };

        var response = await Device.SendAsync(DeviceRequests.Put($"/t/{TenantA}/mdm/checkin", DeviceMessages.Authenticate));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("welcome", await response.Content.ReadAsStringAsync());
        var forwarded = Core.Single<CheckInRequest>();
        Assert.Equal(TenantAId, forwarded.TenantId);
        Assert.Equal("Authenticate", forwarded.MessageType);
        Assert.Equal(DeviceMessages.Authenticate, forwarded.Plist.ToByteArray());
        Assert.Equal(DeviceIdentity.Types.Source.TlsClientCertificate, forwarded.Identity.Source);
        Assert.Equal(DeviceCertificates.Device.RawData, forwarded.Identity.CertificateDer.ToByteArray());
        Assert.All(Core.GatewayKeys, key => Assert.Equal(TestSecrets.GatewaySecret, key));
    }

    [Fact]
    public async Task Check_in_signed_with_Mdm_Signature_reaches_Core_with_the_signer_as_identity()
    {
        var response = await Anonymous.SendAsync(DeviceRequests.Put($"/t/{TenantA}/mdm/checkin", DeviceMessages.Authenticate, DeviceCertificates.Device));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var forwarded = Core.Single<CheckInRequest>();
        Assert.Equal(DeviceMessages.Authenticate, forwarded.Plist.ToByteArray());
        Assert.Equal(DeviceIdentity.Types.Source.MdmSignature, forwarded.Identity.Source);
        Assert.Equal(DeviceCertificates.Device.RawData, forwarded.Identity.CertificateDer.ToByteArray());
    }

    [Fact]
    public async Task A_device_that_signs_with_its_TLS_certificate_is_that_certificate()
    {
        var response = await Device.SendAsync(DeviceRequests.Put($"/t/{TenantA}/mdm/connect", DeviceMessages.Idle, DeviceCertificates.Device));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var forwarded = Core.Single<ConnectRequest>();
        Assert.Equal(DeviceIdentity.Types.Source.TlsClientCertificate, forwarded.Identity.Source);
        Assert.Equal(DeviceCertificates.Device.RawData, forwarded.Identity.CertificateDer.ToByteArray());
    }

    [Fact]
    public async Task Connect_carries_the_report_and_answers_with_Cores_command_unchanged()
    {
        var command = DeviceMessages.Plist("<key>CommandUUID</key><string>c1</string><key>Command</key><dict><key>RequestType</key><string>DeviceLock</string></dict>");
        Core.DeviceAnswer = new DeviceResponse { HttpStatus = 200, ContentType = "application/xml; charset=UTF-8", Body = ByteString.CopyFrom(command) };

        var response = await Device.SendAsync(DeviceRequests.Put($"/t/{TenantA}/mdm/connect", DeviceMessages.Acknowledged));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml; charset=UTF-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(command, await response.Content.ReadAsByteArrayAsync());
        var forwarded = Core.Single<ConnectRequest>();
        Assert.Equal(TenantAId, forwarded.TenantId);
        Assert.Equal(DeviceMessages.Acknowledged, forwarded.Plist.ToByteArray());
        Assert.Equal(DeviceCertificates.Device.RawData, forwarded.Identity.CertificateDer.ToByteArray());
    }

    [Fact]
    public async Task A_binary_plist_report_is_carried_as_the_same_bytes()
    {
        var binary = PlistWriter.WriteBinary(PlistReader.Read(DeviceMessages.Idle));

        var response = await Device.SendAsync(DeviceRequests.Put($"/t/{TenantA}/mdm/connect", binary));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(binary, Core.Single<ConnectRequest>().Plist.ToByteArray());
    }

    [Theory]
    [InlineData(200)]
    [InlineData(401)]
    [InlineData(410)]
    public async Task An_empty_answer_from_Core_stays_empty_whatever_its_status(int status)
    {
        Core.DeviceAnswer = new DeviceResponse { HttpStatus = status };

        var response = await Device.SendAsync(DeviceRequests.Put($"/t/{TenantA}/mdm/connect", DeviceMessages.Idle));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_body_exactly_at_the_limit_reaches_Core_with_its_identity()
    {
        var limit = new Hosting.EdgeOptions().MaxDeviceRequestBytes;
        var body = PaddedTo(limit);

        var response = await Anonymous.SendAsync(DeviceRequests.Put($"/t/{TenantA}/mdm/checkin", body, DeviceCertificates.Device));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(limit, Core.Single<CheckInRequest>().Plist.Length);
    }

    [Fact]
    public async Task Logs_hold_neither_certificates_nor_signatures()
    {
        var signed = DeviceRequests.Put($"/t/{TenantA}/mdm/checkin", DeviceMessages.Authenticate, DeviceCertificates.Device);
        var signature = signed.Headers.GetValues(MdmSignatureHeader.Name).Single();
        await Device.SendAsync(signed);
        await Device.SendAsync(DeviceRequests.Put($"/t/{TenantA}/mdm/checkin", DeviceMessages.Malformed));

        var logs = Fixture.Edge.Logs.AllText;
        Assert.Contains("Malformed property list", logs);
        Assert.DoesNotContain(signature[..40], logs);
        Assert.DoesNotContain(Convert.ToBase64String(DeviceCertificates.Device.RawData)[..40], logs);
        Assert.DoesNotContain(Convert.ToHexString(DeviceCertificates.Device.RawData)[..40], logs, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>An Authenticate check-in padded with a long key to exactly <paramref name="size"/> bytes.</summary>
    internal static byte[] PaddedTo(int size)
    {
        var empty = DeviceMessages.Plist("<key>MessageType</key><string>Authenticate</string><key>Topic</key><string>t</string>"
            + $"<key>UDID</key><string>{DeviceMessages.Udid}</string><key>Padding</key><string></string>");
        return DeviceMessages.Plist("<key>MessageType</key><string>Authenticate</string><key>Topic</key><string>t</string>"
            + $"<key>UDID</key><string>{DeviceMessages.Udid}</string><key>Padding</key><string>{new string('x', size - empty.Length)}</string>");
    }
}
