using System.Net;
using System.Security.Cryptography;
using System.Text;
using SaaSMdm.Apple.Cms;
using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Scep;
using SaaSMdm.DeviceSim.Enrollment;
using SaaSMdm.DeviceSim.Hardware;
using SaaSMdm.DeviceSim.Protocol;
using SaaSMdm.DeviceSim.Tests.Support;
using SaaSMdm.DeviceSim.Transport;

namespace SaaSMdm.DeviceSim.Tests;

public sealed class EnrollmentTests
{
    [Theory]
    [InlineData(DevicePlatform.IPhone)]
    [InlineData(DevicePlatform.IPad)]
    [InlineData(DevicePlatform.Mac)]
    public async Task Full_enrollment_gets_an_identity_from_the_scep_ca_and_sends_signed_schema_valid_check_ins(DevicePlatform platform)
    {
        await using var server = await MdmTestServer.StartAsync();
        using var device = await TestDevices.EnrolledAsync(server, TestDevices.Options(server, platform));

        var identity = device.Identity!;
        Assert.True(identity.Certificate.HasPrivateKey);
        Assert.True(new CertificateChainValidator().Validate(identity.Certificate, TestPki.Shared.PublicCopy(TestPki.Shared.ScepCa)).IsValid);
        Assert.Equal(TestPki.Shared.ScepCa.Thumbprint, identity.CaCertificate.Thumbprint);
        Assert.Equal("CN=MDM Identity, O=DeviceSim Tests", identity.Certificate.Subject);
        Assert.True(device.IsEnrolled);

        var scep = Assert.Single(server.ScepRequests);
        Assert.Equal(ScepMessageType.PKCSReq, scep.MessageType);
        Assert.Equal(MdmTestServer.Challenge, scep.ChallengePassword);

        var checkIns = server.CheckIns.ToArray();
        Assert.Equal(["Authenticate", "TokenUpdate"], checkIns.Select(checkIn => checkIn.Message.MessageType));
        Assert.All(checkIns, checkIn =>
        {
            Assert.Equal(IdentitySource.MdmSignature, checkIn.Source);
            Assert.Equal(identity.Certificate.Thumbprint, checkIn.Signer.Thumbprint);
            Assert.Equal("application/x-apple-aspen-mdm-checkin", checkIn.ContentType);
            Assert.Equal(device.Facts.Udid, checkIn.Message.Channel.Id);
            SchemaAssert.ValidCheckIn(checkIn.Message.Raw, platform);
        });
        Assert.Empty(server.Refusals);
    }

    [Fact]
    public async Task An_iPhone_reports_its_hardware_in_Authenticate_and_escrows_an_unlock_token()
    {
        await using var server = await MdmTestServer.StartAsync();
        using var device = await TestDevices.EnrolledAsync(server);

        var authenticate = server.CheckIns.Select(checkIn => checkIn.Message).OfType<AuthenticateCheckIn>().Single();
        Assert.Equal(server.Topic, authenticate.Topic);
        Assert.Equal(device.Facts.SerialNumber, authenticate.SerialNumber);
        Assert.Equal(device.Facts.Imei, authenticate.Imei);
        Assert.NotNull(authenticate.Imei);
        Assert.Equal(device.Facts.Model.ProductName, authenticate.ProductName);
        Assert.Equal(device.Facts.OperatingSystem.Version, authenticate.OSVersion);
        Assert.Equal(device.Facts.OperatingSystem.Build, authenticate.BuildVersion);
        // Apple's schema makes DeviceName, Model and ModelName macOS-only keys of Authenticate.
        Assert.Null(authenticate.DeviceName);

        var tokenUpdate = server.CheckIns.Select(checkIn => checkIn.Message).OfType<TokenUpdateCheckIn>().Single();
        Assert.Equal(32, tokenUpdate.Token.Length);
        Assert.True(Guid.TryParse(tokenUpdate.PushMagic, out _));
        Assert.True(tokenUpdate.UnlockToken is { Length: > 0 });
        Assert.Equal(device.Push.Token, tokenUpdate.Token.ToArray());
    }

    [Fact]
    public async Task A_Mac_names_itself_in_Authenticate_and_opens_a_user_channel_with_a_bootstrap_token()
    {
        await using var server = await MdmTestServer.StartAsync();
        using var device = await TestDevices.EnrolledAsync(server, TestDevices.Options(server, DevicePlatform.Mac));

        var authenticate = server.CheckIns.Select(checkIn => checkIn.Message).OfType<AuthenticateCheckIn>().Single();
        Assert.Equal(device.Facts.DeviceName, authenticate.DeviceName);
        Assert.Equal(device.Facts.Model.ModelName, authenticate.ModelName);
        Assert.Null(authenticate.Imei);
        Assert.Null(server.CheckIns.Select(checkIn => checkIn.Message).OfType<TokenUpdateCheckIn>().Single().UnlockToken);

        Assert.Equal(HttpStatusCode.Gone, await device.UserAuthenticateAsync());
        await device.UserTokenUpdateAsync();
        var escrowed = await device.SetBootstrapTokenAsync();
        Assert.Equal(escrowed, await device.GetBootstrapTokenAsync());

        var user = device.MacUser!;
        var userUpdate = server.CheckIns.Select(checkIn => checkIn.Message).OfType<TokenUpdateCheckIn>().Last();
        Assert.Equal(EnrollmentChannelKind.User, userUpdate.Channel.Kind);
        Assert.Equal($"{device.Facts.Udid}:{user.UserId}", userUpdate.Channel.Id);
        Assert.Equal(user.ShortName, userUpdate.Identity.UserShortName);
        Assert.Equal(device.UserPush!.Token, userUpdate.Token.ToArray());
        Assert.All(server.CheckIns, checkIn => SchemaAssert.ValidCheckIn(checkIn.Message.Raw, DevicePlatform.Mac));
    }

    [Fact]
    public async Task An_iPhone_has_no_user_channel_or_bootstrap_token()
    {
        await using var server = await MdmTestServer.StartAsync();
        using var device = await TestDevices.EnrolledAsync(server);

        await Assert.ThrowsAsync<InvalidOperationException>(() => device.UserTokenUpdateAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => device.GetBootstrapTokenAsync());
        Assert.Equal(2, server.CheckIns.Count);
    }

    [Fact]
    public async Task With_the_tls_transport_the_identity_is_the_client_certificate_and_no_signature_is_sent()
    {
        await using var server = await MdmTestServer.StartAsync(new MdmTestServerOptions { SignMessage = false });
        using var device = await TestDevices.EnrolledAsync(
            server, TestDevices.Options(server) with { IdentityTransport = IdentityTransport.TlsClientCertificate });
        await device.RunCommandLoopAsync();

        Assert.Equal(2, server.CheckIns.Count);
        Assert.All(server.CheckIns, checkIn => Assert.Equal(IdentitySource.TlsClientCertificate, checkIn.Source));
        var idle = Assert.Single(server.Reports);
        Assert.Equal(IdentitySource.TlsClientCertificate, idle.Source);
        Assert.Equal(device.Identity!.Certificate.Thumbprint, idle.Signer.Thumbprint);
    }

    [Fact]
    public async Task A_profile_that_asks_for_signing_gets_Mdm_Signature_even_over_a_client_certificate()
    {
        await using var server = await MdmTestServer.StartAsync();
        using var device = await TestDevices.EnrolledAsync(
            server, TestDevices.Options(server) with { IdentityTransport = IdentityTransport.TlsClientCertificate });

        Assert.All(server.CheckIns, checkIn => Assert.Equal(IdentitySource.MdmSignature, checkIn.Source));
    }

    [Fact]
    public async Task Trusting_the_profile_root_accepts_the_first_download_then_verifies_the_server_against_the_root_payload()
    {
        await using var server = await MdmTestServer.StartAsync();
        using var device = await TestDevices.EnrolledAsync(
            server, TestDevices.Options(server) with { ServerTrust = new ServerTrust { TrustProfileRoot = true } });

        Assert.Equal(TestPki.Shared.TlsCa.Thumbprint, Assert.Single(device.Profile!.RootCertificates).Thumbprint);
        Assert.True(device.IsEnrolled);
        Assert.Contains(device.State.Certificates, certificate => !certificate.IsIdentity && certificate.CommonName == "SaaSMdm DeviceSim Test TLS CA");
    }

    [Fact]
    public async Task Trusting_the_profile_root_trusts_nothing_when_the_profile_has_no_root_payload()
    {
        await using var server = await MdmTestServer.StartAsync(new MdmTestServerOptions { IncludeRootPayload = false });
        using var device = new SimulatedDevice(TestDevices.Options(server) with { ServerTrust = new ServerTrust { TrustProfileRoot = true } });

        await device.DownloadProfileAsync();
        await Assert.ThrowsAsync<HttpRequestException>(() => device.EnrollAsync());
        Assert.Empty(server.ScepRequests);
    }

    [Fact]
    public async Task Without_trust_in_the_servers_ca_the_download_fails_on_tls()
    {
        await using var server = await MdmTestServer.StartAsync();
        using var device = new SimulatedDevice(TestDevices.Options(server) with { ServerTrust = new ServerTrust() });

        await Assert.ThrowsAsync<HttpRequestException>(() => device.DownloadProfileAsync());
        Assert.Null(device.Profile);
    }

    [Fact]
    public async Task A_wrong_enrollment_token_is_refused_by_the_server()
    {
        await using var server = await MdmTestServer.StartAsync();
        using var device = new SimulatedDevice(TestDevices.Options(server) with { EnrollmentToken = "guessed" });

        var refused = await Assert.ThrowsAsync<MdmServerException>(() => device.FullEnrollmentAsync());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("enroll", refused.Request);
        Assert.Null(device.Profile);
        Assert.Empty(server.ScepRequests);
    }

    [Fact]
    public async Task A_tampered_profile_is_refused_before_any_scep_request()
    {
        static byte[] Tamper(byte[] signed)
        {
            var text = Encoding.Latin1.GetString(signed);
            return Encoding.Latin1.GetBytes(text.Replace("Test MDM Enrollment", "Evil MDM Enrollment", StringComparison.Ordinal));
        }

        await using var server = await MdmTestServer.StartAsync(new MdmTestServerOptions { TransformProfile = Tamper });
        using var device = new SimulatedDevice(TestDevices.Options(server));

        var refused = await Assert.ThrowsAsync<EnrollmentException>(() => device.FullEnrollmentAsync());
        Assert.Contains("signature", refused.Message, StringComparison.Ordinal);
        Assert.Null(device.Profile);
        Assert.Empty(server.ScepRequests);
    }

    [Fact]
    public async Task A_refused_challenge_leaves_the_device_without_identity_and_unannounced()
    {
        await using var server = await MdmTestServer.StartAsync(new MdmTestServerOptions { ProfileChallenge = "stale-challenge" });
        using var device = new SimulatedDevice(TestDevices.Options(server));

        var refused = await Assert.ThrowsAsync<EnrollmentException>(() => device.FullEnrollmentAsync());
        Assert.Contains("Failure", refused.Message, StringComparison.Ordinal);
        Assert.Null(device.Identity);
        Assert.Empty(server.CheckIns);
    }

    [Fact]
    public async Task The_ca_must_match_the_profiles_fingerprint()
    {
        var genuine = SHA256.HashData(TestPki.Shared.ScepCa.RawData);
        await using (var server = await MdmTestServer.StartAsync(new MdmTestServerOptions { CaFingerprint = genuine }))
        {
            using var device = await TestDevices.EnrolledAsync(server);
            Assert.NotNull(device.Identity);
        }

        await using (var server = await MdmTestServer.StartAsync(new MdmTestServerOptions { CaFingerprint = SHA256.HashData("another CA"u8) }))
        {
            using var device = new SimulatedDevice(TestDevices.Options(server));
            await Assert.ThrowsAsync<EnrollmentException>(() => device.FullEnrollmentAsync());
            Assert.Empty(server.ScepRequests);
        }
    }

    [Fact]
    public async Task Renewal_replaces_the_identity_through_a_RenewalReq_and_the_next_Authenticate_carries_the_new_certificate()
    {
        await using var server = await MdmTestServer.StartAsync();
        using var device = await TestDevices.EnrolledAsync(server);
        var first = device.Identity!.Certificate;

        var renewed = await device.RenewIdentityAsync();
        await device.AuthenticateAsync();

        Assert.NotEqual(first.SerialNumber, renewed.Certificate.SerialNumber);
        Assert.Equal(first.Subject, renewed.Certificate.Subject);
        var renewal = server.ScepRequests.Last();
        Assert.Equal(ScepMessageType.RenewalReq, renewal.MessageType);
        Assert.Equal(first.Thumbprint, renewal.SignerCertificate.Thumbprint);
        Assert.Equal(renewed.Certificate.Thumbprint, server.CheckIns.Last().Signer.Thumbprint);
        Assert.Equal(renewed.Certificate.RawData, device.State.Certificates.Single(certificate => certificate.IsIdentity).Data);
    }

    [Fact]
    public async Task CheckOut_tells_the_server_and_removes_the_mdm_profile()
    {
        await using var server = await MdmTestServer.StartAsync();
        using var device = await TestDevices.EnrolledAsync(server);

        await device.CheckOutAsync();

        var checkOut = Assert.IsType<CheckOutCheckIn>(server.CheckIns.Last().Message);
        Assert.Equal(server.Topic, checkOut.Topic);
        SchemaAssert.ValidCheckIn(checkOut.Raw, DevicePlatform.IPhone);
        Assert.False(device.IsEnrolled);
        Assert.Empty(device.State.Profiles);
    }

    [Fact]
    public async Task Unsigned_and_tampered_requests_are_what_a_server_must_refuse()
    {
        await using var server = await MdmTestServer.StartAsync();
        using var device = await TestDevices.EnrolledAsync(server);
        var message = CheckInMessages.Authenticate(device.Facts, server.Topic);

        var unsigned = await device.SendCheckInAsync(message, RequestSigning.Unsigned);
        var tampered = await device.SendCheckInAsync(message, RequestSigning.Tampered);

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        Assert.Equal(2, server.CheckIns.Count);
        Assert.Equal(2, server.Refusals.Count);
    }

    [Fact]
    public async Task Steps_out_of_order_are_refused_by_the_device()
    {
        await using var server = await MdmTestServer.StartAsync();
        using var device = new SimulatedDevice(TestDevices.Options(server));

        await Assert.ThrowsAsync<InvalidOperationException>(() => device.EnrollAsync());
        await device.DownloadProfileAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => device.AuthenticateAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => device.RunCommandLoopAsync());
        Assert.Empty(server.CheckIns);
    }
}
