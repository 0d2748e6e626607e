using SaaSMdm.Apple.Mdm;

namespace SaaSMdm.Apple.Tests.Mdm;

public sealed class CommandReportTests
{
    private const string CommandUuid = "9A8B7C6D-5E4F-4321-8765-43210FEDCBA9";

    [Fact]
    public void Idle_needs_no_command_uuid()
    {
        var report = Parse($"<key>Status</key><string>Idle</string><key>UDID</key><string>{CheckInSamples.IPhoneUdid}</string>");

        Assert.Equal((CommandStatus.Idle, null), (report.Status, report.CommandUuid));
        Assert.Empty(report.ErrorChain);
        Assert.Equal(CheckInSamples.IPhoneUdid, report.Channel.Id);
    }

    [Fact]
    public void Error_reports_carry_the_error_chain()
    {
        var report = Parse($"""
            <key>CommandUUID</key><string>{CommandUuid}</string>
            <key>ErrorChain</key>
            <array>
                <dict>
                    <key>ErrorCode</key><integer>4001</integer>
                    <key>ErrorDomain</key><string>MCProfileErrorDomain</string>
                    <key>LocalizedDescription</key><string>Le profil n’a pas pu être installé.</string>
                    <key>USEnglishDescription</key><string>The profile could not be installed.</string>
                </dict>
                <dict>
                    <key>ErrorCode</key><integer>2003</integer>
                    <key>ErrorDomain</key><string>MCInstallationErrorDomain</string>
                </dict>
            </array>
            <key>Status</key><string>Error</string>
            <key>UDID</key><string>{CheckInSamples.IPhoneUdid}</string>
            """);

        Assert.Equal((CommandStatus.Error, CommandUuid), (report.Status, report.CommandUuid));
        Assert.Equal(
            [
                new CommandError(4001, "MCProfileErrorDomain", "Le profil n’a pas pu être installé.", "The profile could not be installed."),
                new CommandError(2003, "MCInstallationErrorDomain", null, null),
            ],
            report.ErrorChain);
    }

    [Theory]
    [InlineData("Acknowledged", CommandStatus.Acknowledged)]
    [InlineData("NotNow", CommandStatus.NotNow)]
    [InlineData("CommandFormatError", CommandStatus.CommandFormatError)]
    public void Other_statuses_name_their_command(string status, CommandStatus expected)
    {
        var report = Parse($"<key>CommandUUID</key><string>{CommandUuid}</string><key>Status</key><string>{status}</string><key>EnrollmentID</key><string>{CheckInSamples.EnrollmentId}</string>");

        Assert.Equal((expected, CommandUuid), (report.Status, report.CommandUuid));
        Assert.Equal(EnrollmentChannelKind.UserEnrollmentDevice, report.Channel.Kind);
    }

    [Theory]
    [InlineData("<key>UDID</key><string>x</string>", "Status")]
    [InlineData("<key>Status</key><string>Done</string><key>UDID</key><string>x</string>", "Status")]
    [InlineData("<key>Status</key><string>Acknowledged</string><key>UDID</key><string>x</string>", "CommandUUID")]
    [InlineData("<key>Status</key><string>Error</string><key>CommandUUID</key><string>u</string><key>UDID</key><string>x</string><key>ErrorChain</key><dict/>", "ErrorChain")]
    [InlineData("<key>Status</key><string>Error</string><key>CommandUUID</key><string>u</string><key>UDID</key><string>x</string><key>ErrorChain</key><array><string>e</string></array>", "ErrorChain[0]")]
    [InlineData("<key>Status</key><string>Error</string><key>CommandUUID</key><string>u</string><key>UDID</key><string>x</string><key>ErrorChain</key><array><dict><key>ErrorCode</key><string>1</string></dict></array>", "ErrorChain[0].ErrorCode")]
    [InlineData("<key>Status</key><string>Idle</string>", null)]
    public void Malformed_reports_fail_with_the_offending_key(string entries, string? keyPath)
    {
        var error = Assert.Throws<MdmMessageFormatException>(() => Parse(entries));

        Assert.Equal(keyPath, error.KeyPath);
    }

    internal static CommandReport Parse(string entries) => CommandReport.Parse(CheckInSamples.Read(CheckInSamples.Body(entries)));
}
