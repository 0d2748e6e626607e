using SaaSMdm.Contracts.V1;

namespace SaaSMdm.Portal.DeviceViews;

/// <summary>Apple's platforms as the device pages name them.</summary>
public static class DevicePlatforms
{
    public static string Label(Device device) =>
        device.ProductName.StartsWith("iPhone", StringComparison.Ordinal) ? "iOS"
        : device.ProductName.StartsWith("iPad", StringComparison.Ordinal) ? "iPadOS"
        : device.ProductName.StartsWith("Mac", StringComparison.Ordinal) ? "macOS"
        : DeviceDisplay.None;
}
