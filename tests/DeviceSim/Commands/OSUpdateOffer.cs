using SaaSMdm.DeviceSim.Hardware;

namespace SaaSMdm.DeviceSim.Commands;

/// <summary>The update a device is offered, if its OS is older than the platform's latest release.</summary>
internal sealed record OSUpdateOffer(string ProductKey, string HumanReadableName, OperatingSystemRelease Release, long DownloadSize, long InstallSize)
{
    public static OSUpdateOffer? For(DeviceState device)
    {
        var latest = DeviceCatalog.LatestUpdate(device.Platform);
        if (device.Facts.OperatingSystem.Version == latest.Version)
        {
            return null;
        }

        return device.Facts.IsMac
            ? new OSUpdateOffer($"MSU_UPDATE_{latest.Build}_patch_{latest.Version}", $"macOS Sequoia {latest.Version}", latest, 1_288_490_189, 3_221_225_472)
            : new OSUpdateOffer($"iOSUpdate{latest.Build}", $"{(device.Platform == DevicePlatform.IPad ? "iPadOS" : "iOS")} {latest.Version}", latest, 465_567_744, 1_932_735_283);
    }
}
