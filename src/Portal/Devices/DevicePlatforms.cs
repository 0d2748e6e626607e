using SaaSMdm.Contracts.V1;

namespace SaaSMdm.Portal.DeviceViews;

/// <summary>Apple's platforms as the device pages name them, and their query-string values.</summary>
public static class DevicePlatforms
{
    public static readonly (string Value, Platform Platform)[] Filters =
    [
        ("ios", Platform.Ios), ("ipados", Platform.Ipados), ("macos", Platform.Macos), ("tvos", Platform.Tvos), ("visionos", Platform.Visionos), ("watchos", Platform.Watchos),
    ];

    public static string Label(Platform platform) => platform switch
    {
        Platform.Ios => "iOS",
        Platform.Ipados => "iPadOS",
        Platform.Macos => "macOS",
        Platform.Tvos => "tvOS",
        Platform.Visionos => "visionOS",
        Platform.Watchos => "watchOS",
        _ => DeviceDisplay.None,
    };

    /// <summary>The platform a query-string value names; Unspecified (every platform) for anything else.</summary>
    public static Platform Parse(string? value) => Filters.FirstOrDefault(f => f.Value == value).Platform;

    public static string ValueOf(Platform platform) => Filters.FirstOrDefault(f => f.Platform == platform).Value ?? "";
}
