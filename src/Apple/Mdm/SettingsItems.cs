using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Apple.Mdm;

/// <summary>Items for the Settings command; each names its kind in <c>Item</c>.</summary>
public static class SettingsItems
{
    public static PlistDictionary DeviceName(string deviceName) => Item("DeviceName").Add("DeviceName", deviceName);

    public static PlistDictionary HostName(string hostName) => Item("HostName").Add("HostName", hostName);

    /// <summary>An IANA time zone name such as <c>Europe/Paris</c>.</summary>
    public static PlistDictionary TimeZone(string timeZone) => Item("TimeZone").Add("TimeZone", timeZone);

    public static PlistDictionary Bluetooth(bool enabled) => Switch("Bluetooth", enabled);

    public static PlistDictionary DataRoaming(bool enabled) => Switch("DataRoaming", enabled);

    public static PlistDictionary VoiceRoaming(bool enabled) => Switch("VoiceRoaming", enabled);

    public static PlistDictionary PersonalHotspot(bool enabled) => Switch("PersonalHotspot", enabled);

    /// <summary>Managed app configuration for the app with this bundle identifier; null removes it.</summary>
    public static PlistDictionary ApplicationConfiguration(string identifier, PlistDictionary? configuration)
    {
        var item = Item("ApplicationConfiguration").Add("Identifier", identifier);
        return configuration is null ? item : item.Add("Configuration", configuration);
    }

    private static PlistDictionary Switch(string item, bool enabled) => Item(item).Add("Enabled", enabled);

    private static PlistDictionary Item(string item) => new PlistDictionary().Add("Item", item);
}
