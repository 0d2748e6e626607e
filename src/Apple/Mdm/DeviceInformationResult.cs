using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Apple.Mdm;

/// <summary>The commonly used answers of DeviceInformation; <see cref="QueryResponses"/> holds all of them.</summary>
public sealed record DeviceInformationResult(
    PlistDictionary QueryResponses,
    string? Udid,
    string? DeviceName,
    string? OSVersion,
    string? BuildVersion,
    string? ProductName,
    string? Model,
    string? ModelName,
    string? SerialNumber,
    string? Imei,
    string? Meid,
    double? DeviceCapacity,
    double? AvailableDeviceCapacity,
    double? BatteryLevel,
    bool? IsSupervised,
    bool? IsActivationLockEnabled,
    string? WiFiMac,
    string? BluetoothMac,
    string? TimeZone)
{
    /// <exception cref="MdmMessageFormatException">
    /// QueryResponses is missing, or an answer has the wrong type, is longer than Apple's texts get or holds control
    /// characters: the facts stored from it are bounded like those of Authenticate.
    /// </exception>
    public static DeviceInformationResult Parse(CommandReport report)
    {
        var answers = CommandResults.Of(report, "DeviceInformation").RequiredDictionary("QueryResponses");
        return new DeviceInformationResult(
            answers.Dictionary,
            answers.Text("UDID"),
            answers.Text("DeviceName"),
            answers.Text("OSVersion"),
            answers.Text("BuildVersion"),
            answers.Text("ProductName"),
            answers.Text("Model"),
            answers.Text("ModelName"),
            answers.Text("SerialNumber"),
            answers.Text("IMEI"),
            answers.Text("MEID"),
            answers.Number("DeviceCapacity"),
            answers.Number("AvailableDeviceCapacity"),
            answers.Number("BatteryLevel"),
            answers.Boolean("IsSupervised"),
            answers.Boolean("IsActivationLockEnabled"),
            answers.Text("WiFiMAC"),
            answers.Text("BluetoothMAC"),
            answers.Text("TimeZone"));
    }
}
