using System.Text.Json.Nodes;
using SaaSMdm.DeviceSim.Hardware;

namespace SaaSMdm.DeviceSim.Declarative;

/// <summary>The values of the status items a device can report from its facts and its software update, by dotted name.</summary>
internal static class DeviceStatusItems
{
    /// <summary>Items that describe the device itself, which predicates may also read through <c>@status(...)</c>.</summary>
    public static Dictionary<string, JsonNode> FromFacts(DeviceFacts facts) => new(StringComparer.Ordinal)
    {
        ["device.identifier.serial-number"] = facts.SerialNumber,
        ["device.identifier.udid"] = facts.Udid,
        ["device.model.family"] = Family(facts.Platform),
        ["device.model.identifier"] = facts.Model.ProductName,
        ["device.model.marketing-name"] = facts.Model.MarketingName,
        ["device.model.number"] = facts.Model.ModelNumber,
        ["device.operating-system.family"] = OperatingSystemFamily(facts.Platform),
        ["device.operating-system.marketing-name"] = OperatingSystemMarketingName(facts),
        ["device.operating-system.version"] = facts.OperatingSystem.Version,
        ["device.operating-system.build-version"] = facts.OperatingSystem.Build,
        ["device.power.battery-health"] = facts.Model.HasBattery ? "normal" : "unsupported",
        ["passcode.is-present"] = true,
        ["passcode.is-compliant"] = true,
    };

    /// <summary>The software update items: nothing pending unless an enforcement awaits its deadline.</summary>
    public static Dictionary<string, JsonNode> SoftwareUpdate(SoftwareUpdateEnforcement? enforcement) => new(StringComparer.Ordinal)
    {
        ["softwareupdate.install-state"] = enforcement?.InstallState ?? "none",
        ["softwareupdate.pending-version"] = new JsonObject
        {
            ["os-version"] = enforcement?.TargetOSVersion ?? string.Empty,
            ["build-version"] = enforcement?.TargetBuildVersion ?? string.Empty,
        },
    };

    private static string Family(DevicePlatform platform) => platform switch
    {
        DevicePlatform.IPhone => "iPhone",
        DevicePlatform.IPad => "iPad",
        _ => "Mac",
    };

    private static string OperatingSystemFamily(DevicePlatform platform) => platform switch
    {
        DevicePlatform.IPhone => "iOS",
        DevicePlatform.IPad => "iPadOS",
        _ => "macOS",
    };

    private static string OperatingSystemMarketingName(DeviceFacts facts)
    {
        var major = facts.OperatingSystem.Version.Split('.')[0];
        return facts.Platform switch
        {
            DevicePlatform.Mac => major switch
            {
                "13" => "macOS Ventura",
                "14" => "macOS Sonoma",
                "15" => "macOS Sequoia",
                _ => $"macOS {major}",
            },
            _ => $"{OperatingSystemFamily(facts.Platform)} {major}",
        };
    }
}
