using SaaSMdm.Apple.Mdm;

namespace SaaSMdm.DeviceSim.Commands.Responders;

/// <summary>Removes a profile the MDM installed; an unknown identifier, or a profile the user installed, is an Error.</summary>
public sealed class RemoveProfileResponder : ICommandResponder
{
    public string RequestType => "RemoveProfile";

    public CommandResponse Respond(CommandRequest command, DeviceState device)
    {
        var identifier = command.Keys.GetString("Identifier");
        var profile = device.Profiles.FirstOrDefault(installed => installed.Identifier == identifier);
        if (profile is null)
        {
            return CommandResponse.Error(1003, "MCProfileErrorDomain", $"The profile “{identifier}” is not installed.");
        }

        if (!profile.IsManaged)
        {
            return CommandResponse.Error(12027, "MCMDMErrorDomain", $"The profile “{identifier}” was not installed by MDM and cannot be removed by it.");
        }

        device.Profiles.Remove(profile);
        return CommandResponse.Acknowledged();
    }
}
