using SaaSMdm.Contracts.V1;

namespace SaaSMdm.Portal;

/// <summary>Apple's platform names as people read them, and the short values the device list's filter takes.</summary>
public static class PlatformNames
{
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
}
