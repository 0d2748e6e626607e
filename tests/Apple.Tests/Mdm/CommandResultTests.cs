using SaaSMdm.Apple.Mdm;

namespace SaaSMdm.Apple.Tests.Mdm;

public sealed class CommandResultTests
{
    private const string Acknowledged = $"""
        <key>CommandUUID</key><string>0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0</string>
        <key>Status</key><string>Acknowledged</string>
        <key>UDID</key><string>{CheckInSamples.IPhoneUdid}</string>
        """;

    [Fact]
    public void Device_information_reads_the_common_answers_and_keeps_all()
    {
        var result = DeviceInformationResult.Parse(Report("""
            <key>QueryResponses</key>
            <dict>
                <key>AvailableDeviceCapacity</key><real>97.53</real>
                <key>BatteryLevel</key><real>0.8</real>
                <key>BluetoothMAC</key><string>a4:83:e7:00:11:22</string>
                <key>BuildVersion</key><string>22A3354</string>
                <key>DeviceCapacity</key><integer>128</integer>
                <key>DeviceName</key><string>Alex’s iPhone</string>
                <key>IsActivationLockEnabled</key><false/>
                <key>IsSupervised</key><true/>
                <key>Model</key><string>MQ9T3ZD/A</string>
                <key>ModelName</key><string>iPhone</string>
                <key>OSVersion</key><string>18.0</string>
                <key>ProductName</key><string>iPhone15,2</string>
                <key>SerialNumber</key><string>F2LXK0ABCDEF</string>
                <key>TimeZone</key><string>Europe/Berlin</string>
                <key>UDID</key><string>00008120-001A2B3C4D5E6F70</string>
                <key>WiFiMAC</key><string>a4:83:e7:00:11:23</string>
                <key>ServiceSubscriptions</key><array/>
            </dict>
            """));

        Assert.Equal(("Alex’s iPhone", "18.0", "22A3354", "iPhone15,2", "F2LXK0ABCDEF"), (result.DeviceName, result.OSVersion, result.BuildVersion, result.ProductName, result.SerialNumber));
        Assert.Equal((128.0, 97.53, 0.8), (result.DeviceCapacity, result.AvailableDeviceCapacity, result.BatteryLevel));
        Assert.Equal((true, false), (result.IsSupervised, result.IsActivationLockEnabled));
        Assert.Equal(("a4:83:e7:00:11:23", "a4:83:e7:00:11:22", "Europe/Berlin"), (result.WiFiMac, result.BluetoothMac, result.TimeZone));
        Assert.Null(result.Imei);
        Assert.True(result.QueryResponses.ContainsKey("ServiceSubscriptions"));
    }

    [Fact]
    public void Security_info_reads_passcode_encryption_and_management_status()
    {
        var result = SecurityInfoResult.Parse(Report("""
            <key>SecurityInfo</key>
            <dict>
                <key>HardwareEncryptionCaps</key><integer>3</integer>
                <key>PasscodeCompliant</key><true/>
                <key>PasscodeCompliantWithProfiles</key><true/>
                <key>PasscodePresent</key><true/>
                <key>ManagementStatus</key>
                <dict>
                    <key>EnrolledViaDEP</key><true/>
                    <key>IsUserEnrollment</key><false/>
                    <key>UserApprovedEnrollment</key><true/>
                </dict>
            </dict>
            """));

        Assert.Equal((3L, true, true, true), (result.HardwareEncryptionCaps, result.PasscodePresent, result.PasscodeCompliant, result.PasscodeCompliantWithProfiles));
        Assert.Equal((true, true, false), (result.EnrolledViaDep, result.UserApprovedEnrollment, result.IsUserEnrollment));
        Assert.Null(result.FileVaultEnabled);
    }

    [Fact]
    public void Profile_list_reads_each_profile_and_its_payload_types()
    {
        var result = ProfileListResult.Parse(Report("""
            <key>ProfileList</key>
            <array>
                <dict>
                    <key>HasRemovalPasscode</key><false/>
                    <key>IsEncrypted</key><false/>
                    <key>IsManaged</key><true/>
                    <key>PayloadContent</key>
                    <array>
                        <dict><key>PayloadType</key><string>com.apple.mdm</string><key>PayloadIdentifier</key><string>com.example.mdm.payload</string></dict>
                        <dict><key>PayloadType</key><string>com.apple.security.scep</string></dict>
                    </array>
                    <key>PayloadDisplayName</key><string>MDM Enrollment</string>
                    <key>PayloadIdentifier</key><string>com.example.mdm</string>
                    <key>PayloadOrganization</key><string>Example Corp</string>
                    <key>PayloadRemovalDisallowed</key><false/>
                    <key>PayloadUUID</key><string>6A5B4C3D-2E1F-4A0B-9C8D-7E6F5A4B3C2D</string>
                    <key>PayloadVersion</key><integer>1</integer>
                </dict>
                <dict>
                    <key>PayloadIdentifier</key><string>com.example.wifi</string>
                    <key>PayloadUUID</key><string>1A2B3C4D-5E6F-4A0B-9C8D-7E6F5A4B3C2D</string>
                </dict>
            </array>
            """));

        Assert.Equal(2, result.Profiles.Count);
        var mdm = result.Profiles[0];
        Assert.Equal(("com.example.mdm", "6A5B4C3D-2E1F-4A0B-9C8D-7E6F5A4B3C2D", "MDM Enrollment", "Example Corp", 1L), (mdm.PayloadIdentifier, mdm.PayloadUuid, mdm.PayloadDisplayName, mdm.PayloadOrganization, mdm.PayloadVersion));
        Assert.Equal((true, false, false, false), (mdm.IsManaged, mdm.IsEncrypted, mdm.HasRemovalPasscode, mdm.PayloadRemovalDisallowed));
        Assert.Equal(["com.apple.mdm", "com.apple.security.scep"], mdm.PayloadTypes);
        Assert.Equal((false, 0), (result.Profiles[1].IsManaged, result.Profiles[1].PayloadTypes.Count));
    }

    [Fact]
    public void Installed_application_list_reads_each_app()
    {
        var result = InstalledApplicationListResult.Parse(Report("""
            <key>InstalledApplicationList</key>
            <array>
                <dict>
                    <key>BundleSize</key><integer>123456789</integer>
                    <key>DynamicSize</key><integer>4096</integer>
                    <key>HasUpdateAvailable</key><false/>
                    <key>Identifier</key><string>com.apple.Pages</string>
                    <key>Installing</key><false/>
                    <key>IsValidated</key><true/>
                    <key>Name</key><string>Pages</string>
                    <key>ShortVersion</key><string>14.2</string>
                    <key>Version</key><string>7034.0.87</string>
                    <key>ExternalVersionIdentifier</key><integer>867530900</integer>
                </dict>
            </array>
            """));

        var app = Assert.Single(result.Applications);
        Assert.Equal(("com.apple.Pages", "Pages", "7034.0.87", "14.2", 123456789L, 4096L), (app.Identifier, app.Name, app.Version, app.ShortVersion, app.BundleSize, app.DynamicSize));
        Assert.Equal((true, false, false), (app.IsValidated, app.Installing, app.HasUpdateAvailable));
        Assert.Equal(867530900, app.Raw.GetInteger("ExternalVersionIdentifier"));
    }

    [Fact]
    public void Certificate_list_reads_names_identity_flags_and_der()
    {
        var result = CertificateListResult.Parse(Report("""
            <key>CertificateList</key>
            <array>
                <dict>
                    <key>CommonName</key><string>Example MDM Identity</string>
                    <key>Data</key><data>MIIBAA==</data>
                    <key>IsIdentity</key><true/>
                </dict>
            </array>
            """));

        var certificate = Assert.Single(result.Certificates);
        Assert.Equal(("Example MDM Identity", true), (certificate.CommonName, certificate.IsIdentity));
        Assert.Equal(Convert.FromBase64String("MIIBAA=="), certificate.Data.ToArray());
    }

    public static TheoryData<string, Func<CommandReport, object>, string> WronglyShaped() => new()
    {
        { "<key>ProfileList</key><array><dict><key>PayloadUUID</key><string>u</string></dict></array>", ProfileListResult.Parse, "ProfileList[0].PayloadIdentifier" },
        { "<key>CertificateList</key><array><dict><key>CommonName</key><string>c</string><key>Data</key><data>AA==</data></dict></array>", CertificateListResult.Parse, "CertificateList[0].IsIdentity" },
        { "<key>InstalledApplicationList</key><array><dict><key>BundleSize</key><string>big</string></dict></array>", InstalledApplicationListResult.Parse, "InstalledApplicationList[0].BundleSize" },
        { "<key>QueryResponses</key><dict><key>BatteryLevel</key><string>full</string></dict>", DeviceInformationResult.Parse, "QueryResponses.BatteryLevel" },
        { $"<key>QueryResponses</key><dict><key>DeviceName</key><string>{new string('x', 257)}</string></dict>", DeviceInformationResult.Parse, "QueryResponses.DeviceName" },
        { "<key>QueryResponses</key><dict><key>SerialNumber</key><string>C02\tX</string></dict>", DeviceInformationResult.Parse, "QueryResponses.SerialNumber" },
        { "<key>SecurityInfo</key><dict><key>ManagementStatus</key><dict><key>EnrolledViaDEP</key><integer>1</integer></dict></dict>", SecurityInfoResult.Parse, "SecurityInfo.ManagementStatus.EnrolledViaDEP" },
    };

    [Theory]
    [MemberData(nameof(WronglyShaped))]
    public void Wrongly_shaped_results_name_the_offending_key(string entries, Func<CommandReport, object> parse, string keyPath)
    {
        var report = Report(entries);

        var error = Assert.Throws<MdmMessageFormatException>(() => parse(report));

        Assert.Equal(keyPath, error.KeyPath);
    }

    [Fact]
    public void Missing_result_keys_and_unacknowledged_reports_are_refused()
    {
        Assert.Equal("QueryResponses", Assert.Throws<MdmMessageFormatException>(() => DeviceInformationResult.Parse(Report(string.Empty))).KeyPath);
        var notNow = CommandReportTests.Parse($"<key>CommandUUID</key><string>u</string><key>Status</key><string>NotNow</string><key>UDID</key><string>x</string>");
        Assert.Throws<InvalidOperationException>(() => ProfileListResult.Parse(notNow));
    }

    private static CommandReport Report(string entries) => CommandReportTests.Parse(Acknowledged + entries);
}
