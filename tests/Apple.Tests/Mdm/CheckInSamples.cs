using System.Text;
using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Apple.Tests.Mdm;

/// <summary>Check-in bodies written by hand after Apple's schema and what devices send, as XML property lists.</summary>
internal static class CheckInSamples
{
    public const string Topic = "com.apple.mgmt.External.7f3c2d1e-5a4b-4c3d-9e8f-0a1b2c3d4e5f";
    public const string IPhoneUdid = "00008120-001A2B3C4D5E6F70";
    public const string MacUdid = "5C3E7A21-9B4D-5F60-8E1A-2B3C4D5E6F70";
    public const string EnrollmentId = "B5D3E6A1-7C24-4F18-9A0B-C1D2E3F4A5B6";

    public static readonly string AuthenticateFromIPhone = Body($"""
        <key>BuildVersion</key><string>22A3354</string>
        <key>DeviceName</key><string>Alex’s iPhone</string>
        <key>IMEI</key><string>35 391809 123456 7</string>
        <key>MEID</key><string>35391809123456</string>
        <key>MessageType</key><string>Authenticate</string>
        <key>Model</key><string>iPhone15,2</string>
        <key>ModelName</key><string>iPhone</string>
        <key>OSVersion</key><string>18.0</string>
        <key>ProductName</key><string>iPhone15,2</string>
        <key>SerialNumber</key><string>F2LXK0ABCDEF</string>
        <key>Topic</key><string>{Topic}</string>
        <key>UDID</key><string>{IPhoneUdid}</string>
        """);

    public static readonly string AuthenticateUserEnrollment = Body($"""
        <key>EnrollmentID</key><string>{EnrollmentId}</string>
        <key>MessageType</key><string>Authenticate</string>
        <key>Model</key><string>iPhone16,1</string>
        <key>ModelName</key><string>iPhone</string>
        <key>OSVersion</key><string>17.5</string>
        <key>BuildVersion</key><string>21F79</string>
        <key>ProductName</key><string>iPhone16,1</string>
        <key>DeviceName</key><string>iPhone</string>
        <key>Topic</key><string>{Topic}</string>
        """);

    public static readonly string TokenUpdateFromIPhone = Body($"""
        <key>AwaitingConfiguration</key><true/>
        <key>MessageType</key><string>TokenUpdate</string>
        <key>PushMagic</key><string>4A9C8E2F-1B3D-4E5F-A6B7-C8D9E0F1A2B3</string>
        <key>Token</key><data>3q2+7wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f</data>
        <key>Topic</key><string>{Topic}</string>
        <key>UDID</key><string>{IPhoneUdid}</string>
        <key>UnlockToken</key><data>AAECAwQFBgcICQ==</data>
        """);

    public static readonly string TokenUpdateMacUser = Body($"""
        <key>MessageType</key><string>TokenUpdate</string>
        <key>NotOnConsole</key><false/>
        <key>PushMagic</key><string>0D1C2B3A-4958-6776-8594-A3B2C1D0E9F8</string>
        <key>Token</key><data>AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=</data>
        <key>Topic</key><string>{Topic}</string>
        <key>UDID</key><string>{MacUdid}</string>
        <key>UserID</key><string>A1B2C3D4-E5F6-4718-92A3-B4C5D6E7F809</string>
        <key>UserLongName</key><string>Alex Example</string>
        <key>UserShortName</key><string>alex</string>
        """);

    public static readonly string TokenUpdateSharedIPadUser = Body($"""
        <key>MessageType</key><string>TokenUpdate</string>
        <key>PushMagic</key><string>11111111-2222-3333-4444-555555555555</string>
        <key>Token</key><data>AQID</data>
        <key>Topic</key><string>{Topic}</string>
        <key>UDID</key><string>{IPhoneUdid}</string>
        <key>UserID</key><string>FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF</string>
        <key>UserLongName</key><string>Sam Student</string>
        <key>UserShortName</key><string>sam@school.example</string>
        """);

    public static readonly string TokenUpdateUserEnrollmentUser = Body($"""
        <key>EnrollmentID</key><string>{EnrollmentId}</string>
        <key>EnrollmentUserID</key><string>7E6D5C4B-3A29-4817-A6B5-C4D3E2F1A0B9</string>
        <key>MessageType</key><string>TokenUpdate</string>
        <key>PushMagic</key><string>AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE</string>
        <key>Token</key><data>BAUG</data>
        <key>Topic</key><string>{Topic}</string>
        """);

    public static readonly string CheckOut = Body($"""
        <key>MessageType</key><string>CheckOut</string>
        <key>Topic</key><string>{Topic}</string>
        <key>UDID</key><string>{IPhoneUdid}</string>
        """);

    public static readonly string UserAuthenticateFirst = Body($"""
        <key>MessageType</key><string>UserAuthenticate</string>
        <key>UDID</key><string>{MacUdid}</string>
        <key>UserID</key><string>A1B2C3D4-E5F6-4718-92A3-B4C5D6E7F809</string>
        <key>UserLongName</key><string>Alex Example</string>
        <key>UserShortName</key><string>alex</string>
        """);

    public static readonly string UserAuthenticateWithDigest = Body($"""
        <key>DigestResponse</key><string>username="alex", realm="mdm", nonce="abc", response="0123abcd"</string>
        <key>MessageType</key><string>UserAuthenticate</string>
        <key>UDID</key><string>{MacUdid}</string>
        <key>UserID</key><string>A1B2C3D4-E5F6-4718-92A3-B4C5D6E7F809</string>
        """);

    public static readonly string SetBootstrapToken = Body($"""
        <key>AwaitingConfiguration</key><false/>
        <key>BootstrapToken</key><data>Ym9vdHN0cmFwLXRva2Vu</data>
        <key>MessageType</key><string>SetBootstrapToken</string>
        <key>UDID</key><string>{MacUdid}</string>
        """);

    public static readonly string GetBootstrapToken = Body($"""
        <key>AwaitingConfiguration</key><true/>
        <key>MessageType</key><string>GetBootstrapToken</string>
        <key>UDID</key><string>{MacUdid}</string>
        """);

    public static readonly string DeclarativeManagementStatus = Body($"""
        <key>Data</key><data>eyJTdGF0dXNJdGVtcyI6e30sIkVycm9ycyI6W119</data>
        <key>Endpoint</key><string>status</string>
        <key>MessageType</key><string>DeclarativeManagement</string>
        <key>UDID</key><string>{IPhoneUdid}</string>
        """);

    public static readonly string GetToken = Body($"""
        <key>MessageType</key><string>GetToken</string>
        <key>TokenParameters</key>
        <dict>
            <key>PhoneUDID</key><string>{IPhoneUdid}</string>
            <key>SecurityToken</key><string>c2VjdXJpdHk=</string>
            <key>WatchUDID</key><string>00008301-0011223344556677</string>
        </dict>
        <key>TokenServiceType</key><string>com.apple.watch.pairing</string>
        <key>UDID</key><string>{IPhoneUdid}</string>
        """);

    public static PlistValue Read(string body) => PlistReader.Read(Encoding.UTF8.GetBytes(body));

    public static string Body(string entries) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
        <plist version="1.0">
        <dict>
        {entries}
        </dict>
        </plist>
        """;
}
