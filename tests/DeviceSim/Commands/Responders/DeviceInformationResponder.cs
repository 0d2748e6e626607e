using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Plist;
using SaaSMdm.Apple.Schema;
using SaaSMdm.DeviceSim.Hardware;
using SaaSMdm.DeviceSim.Protocol;

namespace SaaSMdm.DeviceSim.Commands.Responders;

/// <summary>
/// Answers exactly the queries asked that the device can answer: the query must be one Apple's schema makes
/// available on the device's OS, and the device must have the value (an iPad without a modem has no IMEI).
/// </summary>
public sealed class DeviceInformationResponder : ICommandResponder
{
    private static readonly SchemaKeyList QueryResponseKeys = QueryResponsesKey().Subkeys;

    public string RequestType => "DeviceInformation";

    public CommandResponse Respond(CommandRequest command, DeviceState device)
    {
        var answers = new PlistDictionary();
        foreach (var query in command.Keys.GetArray("Queries").Elements<PlistString>().Select(query => query.Value))
        {
            if (!answers.ContainsKey(query)
                && SchemaAvailability.IsAvailable(QueryResponseKeys, query, device.Platform)
                && Answer(query, device) is { } value)
            {
                answers.Add(query, value);
            }
        }

        return CommandResponse.Acknowledged(new PlistDictionary().Add("QueryResponses", answers));
    }

    private static PlistValue? Answer(string query, DeviceState device)
    {
        var facts = device.Facts;
        var model = facts.Model;
        var mac = facts.IsMac;
        return query switch
        {
            "UDID" => facts.Udid,
            "ProvisioningUDID" => Text(facts.ProvisioningUdid),
            "DeviceName" => facts.DeviceName,
            "OSVersion" => facts.OperatingSystem.Version,
            "BuildVersion" => facts.OperatingSystem.Build,
            "ModelName" => model.ModelName,
            "Model" => model.Model,
            "ModelNumber" => model.ModelNumber,
            "ProductName" => model.ProductName,
            "SerialNumber" => facts.SerialNumber,
            "IsAppleSilicon" => model.IsAppleSilicon,
            "DeviceCapacity" => facts.DeviceCapacity,
            "AvailableDeviceCapacity" => facts.AvailableDeviceCapacity,
            "IMEI" => Text(facts.Imei),
            "CellularTechnology" => model.HasCellular ? 3 : 0,
            "BatteryLevel" => model.HasBattery ? facts.BatteryLevel : null,
            "HasBattery" => model.HasBattery,
            "IsSupervised" => facts.IsSupervised,
            "IsMultiUser" => false,
            "IsDeviceLocatorServiceEnabled" => true,
            "IsActivationLockEnabled" => false,
            "IsActivationLockSupported" => true,
            "IsDoNotDisturbInEffect" => false,
            "IsCloudBackupEnabled" => false,
            "IsMDMLostModeEnabled" => false,
            "AwaitingConfiguration" => false,
            "iTunesStoreAccountIsActive" => false,
            "SupportsLOMDevice" => false,
            "SystemIntegrityProtectionEnabled" => true,
            "SupportsiOSAppInstalls" => model.IsAppleSilicon,
            "PINRequiredForDeviceLock" => mac,
            "PINRequiredForEraseDevice" => mac && !model.IsAppleSilicon,
            "DiagnosticSubmissionEnabled" => false,
            "AppAnalyticsEnabled" => false,
            "TimeZone" => facts.TimeZone,
            "WiFiMAC" => facts.WiFiMac,
            "BluetoothMAC" => facts.BluetoothMac,
            "EthernetMAC" => Text(facts.EthernetMac),
            "LocalHostName" => Text(mac ? LocalHostName(device) : null),
            "HostName" => Text(mac ? device.HostName ?? $"{LocalHostName(device)}.local" : null),
            "PushToken" => device.PushToken is { } token ? new PlistData(token) : null,
            "DataRoamingEnabled" => model.HasCellular ? device.DataRoamingEnabled : null,
            "VoiceRoamingEnabled" => model.HasCellular ? device.VoiceRoamingEnabled : null,
            "PersonalHotspotEnabled" => model.HasCellular ? device.PersonalHotspotEnabled : null,
            "IsRoaming" => model.HasCellular ? false : null,
            "IsNetworkTethered" => false,
            _ => null,
        };
    }

    /// <summary>Bonjour's form of the device name: apostrophes dropped, other runs of punctuation and spaces a hyphen.</summary>
    private static string LocalHostName(DeviceState device)
    {
        var name = device.Facts.DeviceName.Replace("’", string.Empty, StringComparison.Ordinal).Replace("'", string.Empty, StringComparison.Ordinal);
        var separators = name.Where(character => !char.IsAsciiLetterOrDigit(character)).Distinct().ToArray();
        return string.Join('-', name.Split(separators, StringSplitOptions.RemoveEmptyEntries));
    }

    private static PlistValue? Text(string? value) => value is null ? null : new PlistString(value);

    private static SchemaKey QueryResponsesKey() =>
        AppleSchemaCatalog.Default.FindCommand("DeviceInformation")?.ResponseKeys.TryFind("QueryResponses", out var key) == true
            ? key
            : throw new InvalidOperationException("Apple's schema has no DeviceInformation QueryResponses.");
}
