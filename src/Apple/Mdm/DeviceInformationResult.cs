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
    /// <exception cref="MdmMessageFormatException">QueryResponses is missing or an answer has the wrong type.</exception>
    public static DeviceInformationResult Parse(CommandReport report)
    {
        var answers = CommandResults.Of(report, "DeviceInformation").RequiredDictionary("QueryResponses");
        return new DeviceInformationResult(
            answers.Dictionary,
            answers.String("UDID"),
            answers.String("DeviceName"),
            answers.String("OSVersion"),
            answers.String("BuildVersion"),
            answers.String("ProductName"),
            answers.String("Model"),
            answers.String("ModelName"),
            answers.String("SerialNumber"),
            answers.String("IMEI"),
            answers.String("MEID"),
            answers.Number("DeviceCapacity"),
            answers.Number("AvailableDeviceCapacity"),
            answers.Number("BatteryLevel"),
            answers.Boolean("IsSupervised"),
            answers.Boolean("IsActivationLockEnabled"),
            answers.String("WiFiMAC"),
            answers.String("BluetoothMAC"),
            answers.String("TimeZone"));
    }
}
