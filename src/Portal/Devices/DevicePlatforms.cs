using SaaSMdm.Contracts.V1;

namespace SaaSMdm.Portal.DeviceViews;

/// <summary>The platforms the device grid filters by, read from their query-string values (<see cref="PlatformNames.QueryValue"/>).</summary>
public static class DevicePlatforms
{
    public static readonly Platform[] Filters = [Platform.Ios, Platform.Ipados, Platform.Macos, Platform.Tvos, Platform.Visionos, Platform.Watchos];

    /// <summary>The platform a query-string value names; Unspecified (every platform) for anything else.</summary>
    public static Platform Parse(string? value) =>
        value is { Length: > 0 } ? Filters.FirstOrDefault(platform => PlatformNames.QueryValue(platform) == value) : Platform.Unspecified;
}
