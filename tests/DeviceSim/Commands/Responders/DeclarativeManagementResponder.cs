using SaaSMdm.Apple.Ddm;
using SaaSMdm.Apple.Mdm;
using SaaSMdm.DeviceSim.Declarative;

namespace SaaSMdm.DeviceSim.Commands.Responders;

/// <summary>
/// Acknowledges turning on (or syncing) Declarative Device Management and asks for a sync after the command loop,
/// with the tokens the command's Data carries so the device skips the <c>tokens</c> request. Data that is not a
/// tokens response is a malformed command.
/// </summary>
public sealed class DeclarativeManagementResponder : ICommandResponder
{
    public string RequestType => "DeclarativeManagement";

    public CommandResponse Respond(CommandRequest command, DeviceState device)
    {
        SyncTokens? tokens = null;
        if (command.Keys.TryGetData("Data", out var data))
        {
            try
            {
                tokens = TokensResponse.Parse(data.Span).SyncTokens;
            }
            catch (DdmFormatException e)
            {
                return CommandResponse.FormatError($"The DeclarativeManagement Data is not a tokens response: {e.Message}");
            }
        }

        device.DeclarativeManagementSyncs++;
        device.PendingDeclarativeSync = new DeclarativeSyncRequest(tokens);
        return CommandResponse.Acknowledged();
    }
}
