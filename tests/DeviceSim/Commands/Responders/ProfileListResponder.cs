using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Plist;

namespace SaaSMdm.DeviceSim.Commands.Responders;

/// <summary>The installed profiles, the MDM enrollment profile first; ManagedOnly leaves out what the user installed.</summary>
public sealed class ProfileListResponder : ICommandResponder
{
    public string RequestType => "ProfileList";

    public CommandResponse Respond(CommandRequest command, DeviceState device)
    {
        var managedOnly = command.Keys.TryGetBoolean("ManagedOnly", out var flag) && flag;
        var profiles = device.Profiles.Where(profile => !managedOnly || profile.IsManaged).Select(profile => (PlistValue)profile.ToProfileListItem());
        return CommandResponse.Acknowledged(new PlistDictionary().Add("ProfileList", new PlistArray(profiles)));
    }
}
