using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Plist;
using SaaSMdm.DeviceSim.Commands.Responders;

namespace SaaSMdm.DeviceSim.Commands;

/// <summary>
/// The commands a simulated device understands, by RequestType. Anything else is refused with an Error, and a
/// command whose keys are missing or wrongly typed with CommandFormatError, as devices do.
/// </summary>
public sealed class CommandResponders
{
    private readonly Dictionary<string, ICommandResponder> _byRequestType;

    public CommandResponders(IEnumerable<ICommandResponder> responders)
    {
        ArgumentNullException.ThrowIfNull(responders);
        _byRequestType = responders.ToDictionary(responder => responder.RequestType, StringComparer.Ordinal);
    }

    public static CommandResponders Default { get; } = new(
    [
        new DeviceInformationResponder(),
        new SecurityInfoResponder(),
        new ProfileListResponder(),
        new InstallProfileResponder(),
        new RemoveProfileResponder(),
        new InstalledApplicationListResponder(),
        new CertificateListResponder(),
        new DeviceLockResponder(),
        new EraseDeviceResponder(),
        new RestartDeviceResponder(),
        new ShutDownDeviceResponder(),
        new SettingsResponder(),
        new AvailableOSUpdatesResponder(),
        new ScheduleOSUpdateResponder(),
        new DeclarativeManagementResponder(),
    ]);

    public IReadOnlyCollection<string> RequestTypes => _byRequestType.Keys;

    /// <summary>These responders with <paramref name="responder"/> added or replacing the one for its RequestType.</summary>
    public CommandResponders With(ICommandResponder responder)
    {
        ArgumentNullException.ThrowIfNull(responder);
        return new CommandResponders(_byRequestType.Values.Where(existing => existing.RequestType != responder.RequestType).Append(responder));
    }

    public CommandResponse Respond(CommandRequest command, DeviceState device)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(device);
        if (!_byRequestType.TryGetValue(command.RequestType, out var responder))
        {
            return CommandResponse.Error(12021, "MCMDMErrorDomain", $"The command “{command.RequestType}” is not supported.");
        }

        try
        {
            return responder.Respond(command, device);
        }
        catch (PlistTypeException e)
        {
            return CommandResponse.FormatError($"The {command.RequestType} command is malformed: {e.Message}");
        }
    }
}
