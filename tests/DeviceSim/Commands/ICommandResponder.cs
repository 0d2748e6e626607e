using SaaSMdm.Apple.Mdm;

namespace SaaSMdm.DeviceSim.Commands;

/// <summary>Runs one RequestType on a simulated device and answers as the real device would.</summary>
public interface ICommandResponder
{
    string RequestType { get; }

    /// <exception cref="SaaSMdm.Apple.Plist.PlistTypeException">A command key is missing or wrongly typed; answered CommandFormatError.</exception>
    CommandResponse Respond(CommandRequest command, DeviceState device);
}
