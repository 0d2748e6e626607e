using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Plist;

namespace SaaSMdm.DeviceSim.Commands.Responders;

/// <summary>Lists the platform's latest release when the device runs an older one.</summary>
public sealed class AvailableOSUpdatesResponder : ICommandResponder
{
    public string RequestType => "AvailableOSUpdates";

    public CommandResponse Respond(CommandRequest command, DeviceState device)
    {
        var updates = new PlistArray();
        if (OSUpdateOffer.For(device) is { } offer)
        {
            updates.Add(new PlistDictionary()
                .Add("ProductKey", offer.ProductKey)
                .Add("HumanReadableName", offer.HumanReadableName)
                .Add("HumanReadableNameLocale", "en")
                .Add("MetadataURL", string.Empty)
                .Add("ProductName", offer.HumanReadableName)
                .Add("Version", offer.Release.Version)
                .Add("Build", offer.Release.Build)
                .Add("DownloadSize", offer.DownloadSize)
                .Add("InstallSize", offer.InstallSize)
                .Add("AppIdentifiersToClose", new PlistArray())
                .Add("IsCritical", false)
                .Add("IsMajorOSUpdate", false)
                .Add("RestartRequired", true)
                .Add("AllowsInstallLater", true)
                .Add("IsSecurityResponse", false));
        }

        return CommandResponse.Acknowledged(new PlistDictionary().Add("AvailableOSUpdates", updates));
    }
}
