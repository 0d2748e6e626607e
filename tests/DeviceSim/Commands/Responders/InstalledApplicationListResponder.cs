using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Plist;

namespace SaaSMdm.DeviceSim.Commands.Responders;

/// <summary>The installed apps, narrowed to the bundle identifiers asked for and to managed apps when ManagedAppsOnly is set.</summary>
public sealed class InstalledApplicationListResponder : ICommandResponder
{
    public string RequestType => "InstalledApplicationList";

    public CommandResponse Respond(CommandRequest command, DeviceState device)
    {
        var managedOnly = command.Keys.TryGetBoolean("ManagedAppsOnly", out var flag) && flag;
        HashSet<string>? wanted = command.Keys.TryGetArray("Identifiers", out var identifiers)
            ? identifiers.Elements<PlistString>().Select(identifier => identifier.Value).ToHashSet(StringComparer.Ordinal)
            : null;
        var applications = device.Applications
            .Where(application => (!managedOnly || application.IsManaged) && (wanted is null || wanted.Contains(application.Identifier)))
            .Select(application => (PlistValue)application.ToPlist());
        return CommandResponse.Acknowledged(new PlistDictionary().Add("InstalledApplicationList", new PlistArray(applications)));
    }
}
