using SaaSMdm.Apple.Mdm;

namespace SaaSMdm.DeviceSim.Commands.Responders;

/// <summary>Acknowledges turning on (or syncing) Declarative Device Management; the DDM endpoints are not simulated.</summary>
public sealed class DeclarativeManagementResponder : ICommandResponder
{
    public string RequestType => "DeclarativeManagement";

    public CommandResponse Respond(CommandRequest command, DeviceState device)
    {
        device.DeclarativeManagementSyncs++;
        return CommandResponse.Acknowledged();
    }
}
