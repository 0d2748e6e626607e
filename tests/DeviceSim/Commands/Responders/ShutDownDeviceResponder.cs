using SaaSMdm.Apple.Mdm;

namespace SaaSMdm.DeviceSim.Commands.Responders;

/// <summary>Acknowledges, then shuts down, ending the connection.</summary>
public sealed class ShutDownDeviceResponder : ICommandResponder
{
    public string RequestType => "ShutDownDevice";

    public CommandResponse Respond(CommandRequest command, DeviceState device)
    {
        device.ShutDownRequested = true;
        return CommandResponse.Acknowledged() with { DeviceGoesAway = true };
    }
}
