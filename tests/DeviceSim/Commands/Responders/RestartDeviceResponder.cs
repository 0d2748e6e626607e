using SaaSMdm.Apple.Mdm;

namespace SaaSMdm.DeviceSim.Commands.Responders;

/// <summary>Acknowledges, then restarts: the connection ends and the device polls again after the next push.</summary>
public sealed class RestartDeviceResponder : ICommandResponder
{
    public string RequestType => "RestartDevice";

    public CommandResponse Respond(CommandRequest command, DeviceState device)
    {
        device.RestartCount++;
        return CommandResponse.Acknowledged() with { DeviceGoesAway = true };
    }
}
