namespace SaaSMdm.DeviceSim.Hardware;

/// <summary>What a device knows about itself and reports in Authenticate and DeviceInformation.</summary>
public sealed record DeviceFacts
{
    public required DeviceModel Model { get; init; }

    public required OperatingSystemRelease OperatingSystem { get; init; }

    public required string Udid { get; init; }

    /// <summary>The chip-style UDID Apple silicon Macs report beside their hardware UUID; null elsewhere.</summary>
    public string? ProvisioningUdid { get; init; }

    public required string SerialNumber { get; init; }

    public required string DeviceName { get; init; }

    /// <summary>Cellular devices only, in Apple's spaced form (<c>35 123456 789012 3</c>).</summary>
    public string? Imei { get; init; }

    public required string WiFiMac { get; init; }

    public required string BluetoothMac { get; init; }

    /// <summary>Macs with a network port only.</summary>
    public string? EthernetMac { get; init; }

    /// <summary>Base-10 gigabytes the OS can use, as DeviceCapacity reports them.</summary>
    public required double DeviceCapacity { get; init; }

    public required double AvailableDeviceCapacity { get; init; }

    /// <summary>0.0 to 1.0; -1.0 for a device without a battery, as Apple reports it.</summary>
    public required double BatteryLevel { get; init; }

    public bool IsSupervised { get; init; }

    public required string TimeZone { get; init; }

    public DevicePlatform Platform => Model.Platform;

    public bool IsMac => Platform == DevicePlatform.Mac;
}
