using System.Net;
using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Plist;
using SaaSMdm.Apple.Profiles;
using SaaSMdm.DeviceSim.Commands;
using SaaSMdm.DeviceSim.Tests.Support;

namespace SaaSMdm.DeviceSim.Tests;

public sealed class CommandLoopTests
{
    [Fact]
    public async Task The_device_answers_each_queued_command_with_a_signed_report_and_stops_on_an_empty_answer()
    {
        await using var server = await MdmTestServer.StartAsync();
        using var device = await TestDevices.EnrolledAsync(server);
        server.Enqueue(
            device.Facts.Udid,
            MdmCommands.DeviceInformation(["DeviceName", "SerialNumber", "OSVersion", "IMEI", "WiFiMAC", "IsAppleSilicon"]),
            MdmCommands.SecurityInfo(),
            MdmCommands.ProfileList(),
            MdmCommands.InstalledApplicationList(),
            MdmCommands.CertificateList());

        var result = await device.RunCommandLoopAsync();

        Assert.Equal(CommandLoopEnd.Drained, result.End);
        Assert.Equal(HttpStatusCode.OK, result.FinalStatusCode);
        Assert.Equal(["DeviceInformation", "SecurityInfo", "ProfileList", "InstalledApplicationList", "CertificateList"], result.Exchanges.Select(exchange => exchange.RequestType));
        Assert.All(result.Exchanges, exchange => Assert.Equal(CommandStatus.Acknowledged, exchange.Status));
        var reports = server.Reports.ToArray();
        Assert.Equal(6, reports.Length);
        Assert.Equal(CommandStatus.Idle, reports[0].Report.Status);
        Assert.All(reports, report =>
        {
            Assert.Equal(IdentitySource.MdmSignature, report.Source);
            Assert.Equal(device.Identity!.Certificate.Thumbprint, report.Signer.Thumbprint);
            Assert.Equal("application/x-apple-aspen-mdm", report.ContentType);
            Assert.Equal(device.Facts.Udid, report.Report.Channel.Id);
        });
        Assert.Equal(0, server.Pending(device.Facts.Udid));

        var information = DeviceInformationResult.Parse(reports[1].Report);
        Assert.Equal(["DeviceName", "SerialNumber", "OSVersion", "IMEI", "WiFiMAC"], information.QueryResponses.Keys);
        Assert.Equal(device.Facts.SerialNumber, information.SerialNumber);
        Assert.Equal(device.Facts.Imei, information.Imei);
        Assert.True(SecurityInfoResult.Parse(reports[2].Report).PasscodePresent);
        var profile = Assert.Single(ProfileListResult.Parse(reports[3].Report).Profiles);
        Assert.Equal(device.Profile!.PayloadIdentifier, profile.PayloadIdentifier);
        Assert.Equal(["com.apple.security.scep", "com.apple.mdm", "com.apple.security.root"], profile.PayloadTypes);
        Assert.NotEmpty(InstalledApplicationListResult.Parse(reports[4].Report).Applications);
        var certificates = CertificateListResult.Parse(reports[5].Report).Certificates;
        Assert.Equal(device.Identity!.Certificate.RawData, certificates.Single(certificate => certificate.IsIdentity).Data.ToArray());
    }

    [Fact]
    public async Task With_nothing_queued_the_loop_is_one_Idle_and_an_empty_answer()
    {
        await using var server = await MdmTestServer.StartAsync();
        using var device = await TestDevices.EnrolledAsync(server);

        var result = await device.RunCommandLoopAsync();

        Assert.Empty(result.Exchanges);
        Assert.Equal(CommandLoopEnd.Drained, result.End);
        Assert.Equal(CommandStatus.Idle, Assert.Single(server.Reports).Report.Status);
    }

    [Fact]
    public async Task NotNow_request_types_stay_queued_while_the_rest_of_the_queue_moves_on()
    {
        await using var server = await MdmTestServer.StartAsync();
        var options = TestDevices.Options(server) with { Behavior = new DeviceBehavior { NotNowRequestTypes = new HashSet<string> { "ProfileList" } } };
        using var device = await TestDevices.EnrolledAsync(server, options);
        server.Enqueue(device.Facts.Udid, MdmCommands.ProfileList(), MdmCommands.SecurityInfo());

        var first = await device.RunCommandLoopAsync();
        var second = await device.RunCommandLoopAsync();

        Assert.Equal([CommandStatus.NotNow, CommandStatus.Acknowledged], first.Exchanges.Select(exchange => exchange.Status));
        Assert.Equal(CommandLoopEnd.Drained, first.End);
        Assert.Equal(CommandStatus.NotNow, Assert.Single(second.Exchanges).Status);
        Assert.Equal(1, server.Pending(device.Facts.Udid));
        var notNow = server.Reports.Where(report => report.Report.Status == CommandStatus.NotNow).ToArray();
        Assert.Equal(2, notNow.Length);
        Assert.All(notNow, report => Assert.Equal(["CommandUUID", "Status", "UDID"], report.Report.Raw.Keys));
    }

    [Fact]
    public async Task NotNow_for_the_first_deliveries_then_the_command_runs_on_a_later_connection()
    {
        await using var server = await MdmTestServer.StartAsync();
        using var device = await TestDevices.EnrolledAsync(server, TestDevices.Options(server) with { Behavior = new DeviceBehavior { NotNowFirstDeliveries = 2 } });
        server.Enqueue(device.Facts.Udid, MdmCommands.SecurityInfo());

        var statuses = new List<CommandStatus>();
        for (var connection = 0; connection < 3; connection++)
        {
            var result = await device.RunCommandLoopAsync();
            statuses.Add(Assert.Single(result.Exchanges).Status);
        }

        Assert.Equal([CommandStatus.NotNow, CommandStatus.NotNow, CommandStatus.Acknowledged], statuses);
        Assert.Equal(0, server.Pending(device.Facts.Udid));
        Assert.Empty((await device.RunCommandLoopAsync()).Exchanges);
    }

    [Fact]
    public async Task Error_request_types_are_reported_with_an_ErrorChain()
    {
        await using var server = await MdmTestServer.StartAsync();
        using var device = await TestDevices.EnrolledAsync(server, TestDevices.Options(server) with { Behavior = new DeviceBehavior { ErrorRequestTypes = new HashSet<string> { "SecurityInfo" } } });
        server.Enqueue(device.Facts.Udid, MdmCommands.SecurityInfo());

        await device.RunCommandLoopAsync();

        var report = server.Reports.Last().Report;
        Assert.Equal(CommandStatus.Error, report.Status);
        var error = Assert.Single(report.ErrorChain);
        Assert.Equal("MCMDMErrorDomain", error.ErrorDomain);
        Assert.NotNull(error.ErrorCode);
        Assert.False(string.IsNullOrEmpty(error.USEnglishDescription));
        Assert.False(report.Raw.ContainsKey("SecurityInfo"));
    }

    [Fact]
    public async Task A_command_the_device_does_not_know_is_refused_as_unsupported()
    {
        await using var server = await MdmTestServer.StartAsync();
        using var device = await TestDevices.EnrolledAsync(server);
        var unsupported = CommandRequest.Create("EnableLostMode", new PlistDictionary().Add("Message", "Found me?"));
        server.Enqueue(device.Facts.Udid, unsupported);

        var result = await device.RunCommandLoopAsync();

        Assert.Equal(CommandStatus.Error, Assert.Single(result.Exchanges).Status);
        var report = server.Reports.Last().Report;
        Assert.Equal(unsupported.CommandUuid, report.CommandUuid);
        Assert.Contains("not supported", Assert.Single(report.ErrorChain).LocalizedDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstallProfile_and_RemoveProfile_change_the_profile_list_and_an_unknown_identifier_is_an_error()
    {
        await using var server = await MdmTestServer.StartAsync();
        using var device = await TestDevices.EnrolledAsync(server);
        var wifi = new PlistDictionary()
            .Add("PayloadType", "Configuration")
            .Add("PayloadVersion", 1)
            .Add("PayloadIdentifier", "com.example.wifi")
            .Add("PayloadUUID", Guid.NewGuid().ToString().ToUpperInvariant())
            .Add("PayloadDisplayName", "Office Wi-Fi")
            .Add("PayloadContent", new PlistArray
            {
                new PlistDictionary()
                    .Add("PayloadType", "com.apple.wifi.managed")
                    .Add("PayloadVersion", 1)
                    .Add("PayloadIdentifier", "com.example.wifi.office")
                    .Add("PayloadUUID", Guid.NewGuid().ToString().ToUpperInvariant())
                    .Add("SSID_STR", "Office")
                    .Add("EncryptionType", "WPA2")
                    .Add("Password", "correct horse battery staple"),
            });
        server.Enqueue(device.Facts.Udid, MdmCommands.InstallProfile(PlistWriter.WriteXml(wifi)), MdmCommands.ProfileList(managedOnly: true));

        var installed = await device.RunCommandLoopAsync();
        server.Enqueue(device.Facts.Udid, MdmCommands.RemoveProfile("com.example.wifi"), MdmCommands.RemoveProfile("com.example.unknown"), MdmCommands.ProfileList());
        var removed = await device.RunCommandLoopAsync();

        Assert.All(installed.Exchanges, exchange => Assert.Equal(CommandStatus.Acknowledged, exchange.Status));
        var managed = Assert.Single(ProfileListResult.Parse(CommandReport.Parse(installed.Exchanges[1].Report)).Profiles);
        Assert.Equal("com.example.wifi", managed.PayloadIdentifier);
        Assert.True(managed.IsManaged);
        Assert.Equal(["com.apple.wifi.managed"], managed.PayloadTypes);

        Assert.Equal([CommandStatus.Acknowledged, CommandStatus.Error, CommandStatus.Acknowledged], removed.Exchanges.Select(exchange => exchange.Status));
        var error = Assert.Single(CommandReport.Parse(removed.Exchanges[1].Report).ErrorChain);
        Assert.Equal("MCProfileErrorDomain", error.ErrorDomain);
        Assert.Contains("com.example.unknown", error.LocalizedDescription, StringComparison.Ordinal);
        var remaining = ProfileListResult.Parse(CommandReport.Parse(removed.Exchanges[2].Report)).Profiles;
        Assert.Equal([device.Profile!.PayloadIdentifier], remaining.Select(profile => profile.PayloadIdentifier));
    }

    [Fact]
    public async Task A_signed_profile_installs_with_its_signer_and_the_mdm_profile_cannot_be_removed_by_mdm()
    {
        await using var server = await MdmTestServer.StartAsync();
        using var device = await TestDevices.EnrolledAsync(server);
        var signed = new EnrollmentProfileBuilder().Build(new EnrollmentProfileOptions
        {
            PayloadIdentifier = "com.example.second-mdm",
            DisplayName = "Second MDM",
            ServerUrl = new Uri("https://mdm.example.com/connect"),
            Topic = "com.apple.mgmt.External.second",
            Identity = new ScepIdentityOptions(new Uri("https://mdm.example.com/scep"), "challenge"),
        }).Sign(new Apple.Cms.ProfileSigner(Apple.Cms.SigningIdentity.FromCertificate(TestPki.Shared.ProfileSigner)));
        server.Enqueue(device.Facts.Udid, MdmCommands.InstallProfile(signed), MdmCommands.RemoveProfile(device.Profile!.PayloadIdentifier));

        var result = await device.RunCommandLoopAsync();

        Assert.Equal([CommandStatus.Error, CommandStatus.Error], result.Exchanges.Select(exchange => exchange.Status));
        Assert.Contains("MDM payload", Assert.Single(CommandReport.Parse(result.Exchanges[0].Report).ErrorChain).LocalizedDescription, StringComparison.Ordinal);
        Assert.Contains("not installed by MDM", Assert.Single(CommandReport.Parse(result.Exchanges[1].Report).ErrorChain).LocalizedDescription, StringComparison.Ordinal);
        Assert.Single(device.State.Profiles);
    }

    [Fact]
    public async Task A_malformed_report_is_refused_by_the_server_and_the_command_stays_queued()
    {
        await using var server = await MdmTestServer.StartAsync();
        using var device = await TestDevices.EnrolledAsync(server, TestDevices.Options(server) with
        {
            Behavior = new DeviceBehavior { MalformedRequestTypes = new HashSet<string> { "SecurityInfo" }, MalformedReport = MalformedReport.MissingStatus },
        });
        server.Enqueue(device.Facts.Udid, MdmCommands.SecurityInfo());

        var result = await device.RunCommandLoopAsync();

        Assert.Equal(CommandLoopEnd.ServerRefused, result.End);
        Assert.Equal(HttpStatusCode.BadRequest, result.FinalStatusCode);
        Assert.True(Assert.Single(result.Exchanges).SentMalformed);
        Assert.Equal(1, server.Pending(device.Facts.Udid));
        Assert.Contains(server.Refusals, refusal => refusal.Status == 400 && refusal.Path.EndsWith("/mdm/connect", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RestartDevice_ends_the_connection_after_the_acknowledgement()
    {
        await using var server = await MdmTestServer.StartAsync();
        using var device = await TestDevices.EnrolledAsync(server);
        server.Enqueue(device.Facts.Udid, MdmCommands.RestartDevice(), MdmCommands.SecurityInfo());

        var result = await device.RunCommandLoopAsync();

        Assert.Equal(CommandLoopEnd.DeviceWentAway, result.End);
        Assert.Equal(CommandStatus.Acknowledged, Assert.Single(result.Exchanges).Status);
        Assert.Equal(1, device.State.RestartCount);
        Assert.Equal(1, server.Pending(device.Facts.Udid));
        Assert.Equal("SecurityInfo", Assert.Single((await device.RunCommandLoopAsync()).Exchanges).RequestType);
    }

    [Fact]
    public async Task EraseDevice_leaves_the_device_erased_and_unenrolled()
    {
        await using var server = await MdmTestServer.StartAsync();
        using var device = await TestDevices.EnrolledAsync(server);
        server.Enqueue(device.Facts.Udid, MdmCommands.EraseDevice());

        var result = await device.RunCommandLoopAsync();

        Assert.Equal(CommandLoopEnd.DeviceWentAway, result.End);
        Assert.True(device.IsErased);
        Assert.False(device.IsEnrolled);
        await Assert.ThrowsAsync<InvalidOperationException>(() => device.RunCommandLoopAsync());
    }

    [Fact]
    public async Task Settings_rename_the_device_and_DeviceInformation_reports_the_new_name()
    {
        await using var server = await MdmTestServer.StartAsync();
        using var device = await TestDevices.EnrolledAsync(server);
        server.Enqueue(device.Facts.Udid, MdmCommands.Settings([SettingsItems.DeviceName("Front Desk iPhone")]), MdmCommands.DeviceInformation(["DeviceName"]));

        var result = await device.RunCommandLoopAsync();

        var information = DeviceInformationResult.Parse(CommandReport.Parse(result.Exchanges[1].Report));
        Assert.Equal("Front Desk iPhone", information.DeviceName);
        Assert.Equal("Front Desk iPhone", device.Facts.DeviceName);
    }
}
