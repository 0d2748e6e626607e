using SaaSMdm.Apple.Plist;

namespace SaaSMdm.DeviceSim.Commands;

/// <summary>An app installed on the device, as InstalledApplicationList reports it.</summary>
/// <param name="Version">The bundle version (CFBundleVersion).</param>
/// <param name="ShortVersion">The marketing version (CFBundleShortVersionString).</param>
/// <param name="IsManaged">Installed by the MDM server; reported when ManagedAppsOnly is asked.</param>
public sealed record DeviceApplication(
    string Identifier, string Name, string Version, string ShortVersion, long BundleSize, long DynamicSize, bool IsManaged = false)
{
    public PlistDictionary ToPlist() => new PlistDictionary()
        .Add("Identifier", Identifier)
        .Add("Name", Name)
        .Add("Version", Version)
        .Add("ShortVersion", ShortVersion)
        .Add("BundleSize", BundleSize)
        .Add("DynamicSize", DynamicSize)
        .Add("IsValidated", true)
        .Add("Installing", false)
        .Add("HasUpdateAvailable", false)
        .Add("AppStoreVendable", true)
        .Add("DeviceBasedVPP", false)
        .Add("BetaApp", false)
        .Add("AdHocCodeSigned", false)
        .Add("IsAppClip", false);
}
