using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Plist;

namespace SaaSMdm.DeviceSim.Commands.Responders;

/// <summary>
/// Locks the device. A Mac needs the six-digit Find My PIN that will unlock it; an iPhone or iPad reports whether
/// it could show the message or phone number.
/// </summary>
public sealed class DeviceLockResponder : ICommandResponder
{
    public string RequestType => "DeviceLock";

    public CommandResponse Respond(CommandRequest command, DeviceState device)
    {
        var message = command.Keys.TryGetString("Message", out var text) ? text : null;
        var hasPhoneNumber = command.Keys.TryGetString("PhoneNumber", out _);
        if (device.Facts.IsMac && !(command.Keys.TryGetString("PIN", out var pin) && pin.Length == 6 && pin.All(char.IsAsciiDigit)))
        {
            return CommandResponse.Error(12066, "MCMDMErrorDomain", "A Mac is locked with a six-digit PIN.");
        }

        device.LockMessage = message ?? string.Empty;
        var result = new PlistDictionary();
        if (!device.Facts.IsMac && (message is not null || hasPhoneNumber))
        {
            result.Add("MessageResult", "Success");
        }

        return CommandResponse.Acknowledged(result);
    }
}
