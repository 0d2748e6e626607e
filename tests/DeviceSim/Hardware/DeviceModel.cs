namespace SaaSMdm.DeviceSim.Hardware;

/// <summary>One hardware model as the device reports it.</summary>
/// <param name="ProductName">The hardware identifier, such as <c>iPhone16,1</c> or <c>Mac15,12</c>.</param>
/// <param name="ModelName">Apple's family name, such as <c>iPhone</c> or <c>MacBook Air</c>.</param>
/// <param name="Model">What the device sends as <c>Model</c>: the model number on iOS, the identifier on macOS.</param>
/// <param name="ModelNumber">The part number with region, such as <c>MTUV3LL/A</c>.</param>
/// <param name="MarketingName">How people name it; not a protocol key, for progress output.</param>
/// <param name="ChipId">The SoC identifier that prefixes iOS UDIDs (and macOS provisioning UDIDs); null on Intel Macs.</param>
/// <param name="StorageGigabytes">The advertised capacity.</param>
public sealed record DeviceModel(
    DevicePlatform Platform,
    string ProductName,
    string ModelName,
    string Model,
    string ModelNumber,
    string MarketingName,
    string? ChipId,
    int StorageGigabytes,
    bool HasBattery,
    bool HasCellular)
{
    public bool IsAppleSilicon => Platform == DevicePlatform.Mac && ChipId is not null;
}
