using SaaSMdm.DeviceSim.Hardware;

namespace SaaSMdm.DeviceSim.Commands;

/// <summary>
/// The apps a typical work device carries. iOS lists only apps the user or MDM installed; macOS also lists the
/// system's own apps, so a Mac's list starts with Apple's.
/// </summary>
public static class ApplicationCatalog
{
    public static IReadOnlyList<DeviceApplication> For(DevicePlatform platform) => platform == DevicePlatform.Mac ? Mac : Mobile;

    private static readonly DeviceApplication[] Mobile =
    [
        new("com.google.chrome.ios", "Chrome", "131.0.6778.73", "131.0.6778.73", 248_135_680, 412_000_256),
        new("com.microsoft.Office.Outlook", "Microsoft Outlook", "4.2444.0", "4.2444.0", 355_426_304, 188_743_680),
        new("com.microsoft.skype.teams", "Microsoft Teams", "6.24.1", "6.24.1", 301_989_888, 97_517_568),
        new("com.tinyspeck.chatlyio", "Slack", "24.11.10", "24.11.10", 183_500_800, 254_803_968),
        new("us.zoom.videomeetings", "Zoom Workplace", "6.2.11", "6.2.11", 196_083_712, 33_554_432),
        new("com.1password.1password", "1Password 8", "8.10.48", "8.10.48", 92_274_688, 14_680_064),
    ];

    private static readonly DeviceApplication[] Mac =
    [
        new("com.apple.Safari", "Safari", "20619.2.8.11.10", "18.1", 12_582_912, 0),
        new("com.apple.mail", "Mail", "3826.200.121", "16.0", 26_214_400, 0),
        new("com.apple.systempreferences", "System Settings", "15.0", "15.0", 9_437_184, 0),
        new("com.google.Chrome", "Google Chrome", "6778.86", "131.0.6778.86", 1_384_120_320, 0),
        new("com.microsoft.teams2", "Microsoft Teams", "24295.605.3225.8804", "24295.605.3225.8804", 689_963_008, 0),
        new("com.tinyspeck.slackmacgap", "Slack", "448000160", "4.41.97", 448_790_528, 0),
        new("us.zoom.xos", "zoom.us", "6.2.11.43613", "6.2.11 (43613)", 299_892_736, 0),
    ];
}
