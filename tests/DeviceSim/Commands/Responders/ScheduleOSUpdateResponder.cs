using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Plist;

namespace SaaSMdm.DeviceSim.Commands.Responders;

/// <summary>
/// Schedules the offered update for each item that names it (by product key or version, or names nothing and so
/// means "the available update"); other items are reported with InstallAction Error.
/// </summary>
public sealed class ScheduleOSUpdateResponder : ICommandResponder
{
    public string RequestType => "ScheduleOSUpdate";

    public CommandResponse Respond(CommandRequest command, DeviceState device)
    {
        var offer = OSUpdateOffer.For(device);
        var results = new PlistArray();
        foreach (var update in command.Keys.GetArray("Updates").Elements<PlistDictionary>())
        {
            var requestedAction = update.GetString("InstallAction");
            var productKey = update.TryGetString("ProductKey", out var key) ? key : null;
            var version = update.TryGetString("ProductVersion", out var wanted) ? wanted : null;
            var matches = offer is not null
                && (productKey ?? offer.ProductKey) == offer.ProductKey
                && (version ?? offer.Release.Version) == offer.Release.Version;
            var action = matches ? ScheduledAction(requestedAction) : "Error";
            if (matches)
            {
                device.ScheduledUpdates.Add((offer!.ProductKey, action));
            }

            results.Add(new PlistDictionary()
                .Add("ProductKey", productKey ?? offer?.ProductKey ?? string.Empty)
                .Add("InstallAction", action)
                .Add("Status", matches ? "Downloading" : "Idle"));
        }

        return CommandResponse.Acknowledged(new PlistDictionary().Add("UpdateResults", results));
    }

    /// <summary>The report names what the device will do; "Default" means download and install as soon as possible.</summary>
    private static string ScheduledAction(string requested) => requested == "Default" ? "InstallASAP" : requested;
}
