using SaaSMdm.Contracts.V1;

namespace SaaSMdm.Portal;

/// <summary>Apple's platform names as people read them, and the short values the device list's filter takes.</summary>
public static class PlatformNames
{
    /// <summary>Every platform a device can have, in the order the device list's filter offers them.</summary>
    public static readonly Platform[] All = [Platform.Ios, Platform.Ipados, Platform.Macos, Platform.Tvos, Platform.Visionos, Platform.Watchos];

    public static string Of(Platform platform) => platform switch
    {
        Platform.Ios => "iOS",
        Platform.Ipados => "iPadOS",
        Platform.Macos => "macOS",
        Platform.Tvos => "tvOS",
        Platform.Visionos => "visionOS",
        Platform.Watchos => "watchOS",
        _ => "Unknown",
    };

    public static string QueryValue(Platform platform) => platform switch
    {
        Platform.Ios => "ios",
        Platform.Ipados => "ipados",
        Platform.Macos => "macos",
        Platform.Tvos => "tvos",
        Platform.Visionos => "visionos",
        Platform.Watchos => "watchos",
        _ => "",
    };

    /// <summary>The platform a query-string value (<see cref="QueryValue"/>) names; Unspecified (every platform) for anything else.</summary>
    public static Platform Parse(string? value) =>
        value is { Length: > 0 } ? All.FirstOrDefault(platform => QueryValue(platform) == value) : Platform.Unspecified;
}
