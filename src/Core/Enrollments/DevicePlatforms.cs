using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Enrollments;

/// <summary>
/// The platform of a device from the product name it reports ("iPhone15,2", "iPad13,4", "Mac14,2", "MacBookPro18,1",
/// "VirtualMac2,1", "AppleTV14,1", "RealityDevice14,1", "Watch7,1"), or from its model when the product name is missing.
/// Migration 20261125000000_DevicePlatform backfills stored rows with the same rules in SQL: keep the two in step.
/// </summary>
public static class DevicePlatforms
{
    private static readonly (string Prefix, DevicePlatform Platform)[] Prefixes =
    [
        ("iPhone", DevicePlatform.IOS),
        ("iPod", DevicePlatform.IOS),
        ("iPad", DevicePlatform.IPadOS),
        ("AppleTV", DevicePlatform.TvOS),
        ("RealityDevice", DevicePlatform.VisionOS),
        ("Watch", DevicePlatform.WatchOS),
        ("Mac", DevicePlatform.MacOS),
        ("iMac", DevicePlatform.MacOS),
        ("VirtualMac", DevicePlatform.MacOS),
    ];

    public static DevicePlatform From(string? productName, string? model) =>
        Of(productName) is var platform and not DevicePlatform.Unknown ? platform : Of(model);

    private static DevicePlatform Of(string? name) =>
        string.IsNullOrEmpty(name) ? DevicePlatform.Unknown
        : Prefixes.FirstOrDefault(p => name.StartsWith(p.Prefix, StringComparison.OrdinalIgnoreCase)).Platform;
}
