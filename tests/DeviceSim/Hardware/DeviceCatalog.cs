namespace SaaSMdm.DeviceSim.Hardware;

/// <summary>
/// Real models and OS releases of late 2024, the period of the schema in third_party: a simulated fleet looks like
/// one an MDM meets in the field, with several models and OS versions side by side.
/// </summary>
public static class DeviceCatalog
{
    public static IReadOnlyList<DeviceModel> Models { get; } =
    [
        new(DevicePlatform.IPhone, "iPhone17,3", "iPhone", "MYE73LL/A", "MYE73LL/A", "iPhone 16", "8140", 128, HasBattery: true, HasCellular: true),
        new(DevicePlatform.IPhone, "iPhone16,2", "iPhone", "MU673LL/A", "MU673LL/A", "iPhone 15 Pro Max", "8130", 256, HasBattery: true, HasCellular: true),
        new(DevicePlatform.IPhone, "iPhone15,4", "iPhone", "MTLT3LL/A", "MTLT3LL/A", "iPhone 15", "8120", 128, HasBattery: true, HasCellular: true),
        new(DevicePlatform.IPhone, "iPhone14,7", "iPhone", "MPUF3LL/A", "MPUF3LL/A", "iPhone 14", "8110", 128, HasBattery: true, HasCellular: true),
        new(DevicePlatform.IPad, "iPad14,8", "iPad", "MUWC3LL/A", "MUWC3LL/A", "iPad Air 11-inch (M2)", "8112", 128, HasBattery: true, HasCellular: false),
        new(DevicePlatform.IPad, "iPad13,18", "iPad", "MPQ03LL/A", "MPQ03LL/A", "iPad (10th generation)", "8101", 64, HasBattery: true, HasCellular: false),
        new(DevicePlatform.IPad, "iPad16,3", "iPad", "MVV83LL/A", "MVV83LL/A", "iPad Pro 11-inch (M4)", "8132", 256, HasBattery: true, HasCellular: false),
        new(DevicePlatform.Mac, "Mac15,12", "MacBook Air", "Mac15,12", "MRXN3LL/A", "MacBook Air (13-inch, M3, 2024)", "8122", 256, HasBattery: true, HasCellular: false),
        new(DevicePlatform.Mac, "Mac15,6", "MacBook Pro", "Mac15,6", "MRX33LL/A", "MacBook Pro (14-inch, M3 Pro, 2023)", "6030", 512, HasBattery: true, HasCellular: false),
        new(DevicePlatform.Mac, "Mac14,3", "Mac mini", "Mac14,3", "MMFJ3LL/A", "Mac mini (2023)", "8112", 512, HasBattery: false, HasCellular: false),
        new(DevicePlatform.Mac, "MacBookPro16,1", "MacBook Pro", "MacBookPro16,1", "MVVJ2LL/A", "MacBook Pro (16-inch, 2019)", null, 512, HasBattery: true, HasCellular: false),
    ];

    /// <summary>Releases a device of the platform may run; the newest first.</summary>
    public static IReadOnlyList<OperatingSystemRelease> Releases(DevicePlatform platform) => platform switch
    {
        DevicePlatform.Mac => [new("15.1", "24B83"), new("15.0.1", "24A348"), new("14.7.1", "23H222")],
        _ => [new("18.1", "22B83"), new("18.0.1", "22A3370"), new("17.7", "21H16")],
    };

    /// <summary>The update the platform's devices are offered, newer than every release above.</summary>
    public static OperatingSystemRelease LatestUpdate(DevicePlatform platform) => platform switch
    {
        DevicePlatform.Mac => new("15.1.1", "24B91"),
        _ => new("18.1.1", "22B91"),
    };

    public static IReadOnlyList<DeviceModel> ModelsOf(DevicePlatform platform) => Models.Where(model => model.Platform == platform).ToArray();
}
