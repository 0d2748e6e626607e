using System.Text;

namespace SaaSMdm.Edge.Tests.Devices;

/// <summary>Check-in messages and command reports as a device sends them.</summary>
public static class DeviceMessages
{
    public const string Udid = "00008030-001A2B3C4D5E6F70";

    public static byte[] Authenticate { get; } = Plist($"""
        <key>MessageType</key><string>Authenticate</string>
        <key>Topic</key><string>com.apple.mgmt.External.test</string>
        <key>UDID</key><string>{Udid}</string>
        <key>SerialNumber</key><string>C02TEST0001</string>
        """);

    public static byte[] Idle { get; } = Plist($"""
        <key>Status</key><string>Idle</string>
        <key>UDID</key><string>{Udid}</string>
        """);

    public static byte[] Acknowledged { get; } = Plist($"""
        <key>Status</key><string>Acknowledged</string>
        <key>CommandUUID</key><string>5A1C2E1B-0D5F-4C3B-9E2A-7B6C5D4E3F21</string>
        <key>UDID</key><string>{Udid}</string>
        """);

    public static byte[] UnknownMessageType { get; } = Plist($"""
        <key>MessageType</key><string>MakeMeAdmin</string>
        <key>UDID</key><string>{Udid}</string>
        """);

    public static byte[] ReportWithoutStatus { get; } = Plist($"""
        <key>CommandUUID</key><string>5A1C2E1B-0D5F-4C3B-9E2A-7B6C5D4E3F21</string>
        <key>UDID</key><string>{Udid}</string>
        """);

    public static byte[] Malformed { get; } = Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><plist version=\"1.0\"><dict><key>MessageType</key>");

    /// <summary>An XML plist whose root dictionary holds <paramref name="entries"/>.</summary>
    public static byte[] Plist(string entries) => Encoding.UTF8.GetBytes($"""
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
        <plist version="1.0">
        <dict>
        {entries}
        </dict>
        </plist>
        """);
}
