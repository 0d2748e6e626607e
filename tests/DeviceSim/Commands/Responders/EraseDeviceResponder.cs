using SaaSMdm.Apple.Mdm;

namespace SaaSMdm.DeviceSim.Commands.Responders;

/// <summary>Acknowledges, then erases: the device leaves the connection and never comes back enrolled.</summary>
public sealed class EraseDeviceResponder : ICommandResponder
{
    public string RequestType => "EraseDevice";

    public CommandResponse Respond(CommandRequest command, DeviceState device)
    {
        device.EraseRequested = true;
        return CommandResponse.Acknowledged() with { DeviceGoesAway = true };
    }
}
