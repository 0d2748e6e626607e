using SaaSMdm.Apple.Schema;
using SaaSMdm.DeviceSim.Hardware;

namespace SaaSMdm.DeviceSim.Protocol;

/// <summary>Whether Apple's schema lets a device of a platform send a key: the key's supportedOS may mark its OS n/a.</summary>
internal static class SchemaAvailability
{
    public static string OperatingSystemName(DevicePlatform platform) => platform == DevicePlatform.Mac ? "macOS" : "iOS";

    /// <summary>True unless the key states <c>introduced: n/a</c> for the platform's OS; keys not listed are not available.</summary>
    public static bool IsAvailable(SchemaKeyList keys, string name, DevicePlatform platform) =>
        keys.TryFind(name, out var key)
        && (!key.SupportedOS.TryGetValue(OperatingSystemName(platform), out var support) || support.IsAvailable);
}
