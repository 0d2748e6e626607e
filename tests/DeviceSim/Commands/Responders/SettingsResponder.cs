using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Plist;

namespace SaaSMdm.DeviceSim.Commands.Responders;

/// <summary>
/// Applies the setting items the device models (device and host name, Bluetooth, roaming, hotspot) and accepts the
/// rest without effect. Every item needs its <c>Item</c> name.
/// </summary>
public sealed class SettingsResponder : ICommandResponder
{
    public string RequestType => "Settings";

    public CommandResponse Respond(CommandRequest command, DeviceState device)
    {
        foreach (var item in command.Keys.GetArray("Settings").Elements<PlistDictionary>())
        {
            Apply(item, device);
        }

        return CommandResponse.Acknowledged();
    }

    private static void Apply(PlistDictionary item, DeviceState device)
    {
        switch (item.GetString("Item"))
        {
            case "DeviceName":
                device.Rename(item.GetString("DeviceName"));
                break;
            case "HostName" when device.Facts.IsMac:
                device.HostName = item.GetString("HostName");
                break;
            case "Bluetooth":
                device.BluetoothEnabled = item.GetBoolean("Enabled");
                break;
            case "DataRoaming":
                device.DataRoamingEnabled = item.GetBoolean("Enabled");
                break;
            case "VoiceRoaming":
                device.VoiceRoamingEnabled = item.GetBoolean("Enabled");
                break;
            case "PersonalHotspot":
                device.PersonalHotspotEnabled = item.GetBoolean("Enabled");
                break;
        }
    }
}
