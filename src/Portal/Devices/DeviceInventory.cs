using System.Globalization;
using System.Text.Json;
using Google.Protobuf.Collections;

namespace SaaSMdm.Portal.DeviceViews;

/// <summary>One fact of a device's inventory, as shown: its label, its value, and Apple's key for tests and tooltips.</summary>
public sealed record InventoryFact(string Label, string Value, string Key);

/// <summary>An installed configuration profile, from ProfileList.</summary>
public sealed record InstalledProfile(string DisplayName, string Identifier, string Organization, bool Managed, bool Encrypted);

/// <summary>An installed app, from InstalledApplicationList.</summary>
public sealed record InstalledApp(string Name, string BundleId, string Version, long? Size);

/// <summary>
/// Reads the latest inventory a device reported (Device.inventory_json: JSON of the device's plist answers, one per
/// inventory command). A device says what it likes, so every value is read defensively: a missing, mistyped or
/// malformed answer leaves its facts out instead of failing the page.
/// </summary>
public sealed class DeviceInventory
{
    private static readonly FactSpec[] HardwareSpecs =
    [
        new("Model name", "ModelName"),
        new("Model", "Model"),
        new("Product", "ProductName"),
        new("Serial number", "SerialNumber"),
        new("Battery", "BatteryLevel", Percent),
        new("Wi-Fi MAC", "WiFiMAC"),
        new("Bluetooth MAC", "BluetoothMAC"),
        new("Ethernet MAC", "EthernetMAC"),
        new("IMEI", "IMEI"),
        new("Modem firmware", "ModemFirmwareVersion"),
        new("Supervised", "IsSupervised"),
        new("Shared iPad", "IsMultiUser"),
    ];

    private static readonly FactSpec[] OsSpecs =
    [
        new("OS version", "OSVersion"),
        new("Build", "BuildVersion"),
        new("Supplemental build", "SupplementalBuildVersion"),
        new("Rapid Security Response", "SupplementalOSVersionExtra"),
        new("Device name", "DeviceName"),
        new("Host name", "HostName"),
    ];

    private static readonly FactSpec[] DeviceSecuritySpecs =
    [
        new("Activation Lock", "IsActivationLockEnabled"),
        new("Find My", "IsDeviceLocatorServiceEnabled"),
        new("iCloud Backup", "IsCloudBackupEnabled"),
    ];

    private static readonly FactSpec[] SecurityInfoSpecs =
    [
        new("Passcode present", "PasscodePresent"),
        new("Passcode compliant", "PasscodeCompliant"),
        new("Passcode compliant with profiles", "PasscodeCompliantWithProfiles"),
        new("Hardware encryption", "HardwareEncryptionCaps", Encryption),
        new("FileVault", "FDE_Enabled"),
        new("System Integrity Protection", "SystemIntegrityProtectionEnabled"),
        new("Firewall", "FirewallSettings.FirewallEnabled"),
        new("Signed system volume", "AuthenticatedRootVolumeEnabled"),
        new("Activation Lock manageable", "ManagementStatus.IsActivationLockManageable"),
    ];

    private static readonly FactSpec[] StorageSpecs =
    [
        new("Capacity", "DeviceCapacity", Gigabytes),
        new("Available", "AvailableDeviceCapacity", Gigabytes),
    ];

    private DeviceInventory(JsonElement? deviceInformation, JsonElement? securityInfo, JsonElement? profiles, JsonElement? apps)
    {
        Hardware = Facts(deviceInformation, HardwareSpecs);
        Os = Facts(deviceInformation, OsSpecs);
        Security = [.. Facts(securityInfo, SecurityInfoSpecs), .. Facts(deviceInformation, DeviceSecuritySpecs)];
        Storage = [.. Facts(deviceInformation, StorageSpecs), .. UsedStorage(deviceInformation)];
        Profiles = Items(profiles, ReadProfile);
        Apps = [.. Items(apps, ReadApp).OrderBy(app => app.Name, StringComparer.OrdinalIgnoreCase)];
    }

    public IReadOnlyList<InventoryFact> Hardware { get; }

    public IReadOnlyList<InventoryFact> Os { get; }

    public IReadOnlyList<InventoryFact> Security { get; }

    public IReadOnlyList<InventoryFact> Storage { get; }

    public IReadOnlyList<InstalledProfile> Profiles { get; }

    public IReadOnlyList<InstalledApp> Apps { get; }

    public bool IsEmpty => Hardware.Count + Os.Count + Security.Count + Storage.Count + Profiles.Count + Apps.Count == 0;

    /// <param name="inventoryJson">Device.inventory_json: the inventory command's RequestType → JSON with Apple's key at the top.</param>
    public static DeviceInventory Read(MapField<string, string> inventoryJson) => new(
        Answer(inventoryJson, "DeviceInformation", "QueryResponses"),
        Answer(inventoryJson, "SecurityInfo", "SecurityInfo"),
        Answer(inventoryJson, "ProfileList", "ProfileList"),
        Answer(inventoryJson, "InstalledApplicationList", "InstalledApplicationList"));

    /// <summary>The answer under Apple's key, whether the map is keyed by RequestType or by Apple's key itself.</summary>
    private static JsonElement? Answer(MapField<string, string> inventoryJson, string requestType, string appleKey)
    {
        if (!inventoryJson.TryGetValue(requestType, out var json) && !inventoryJson.TryGetValue(appleKey, out json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var answer = root.ValueKind == JsonValueKind.Object && root.TryGetProperty(appleKey, out var inner) ? inner : root;
            return answer.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<InventoryFact> Facts(JsonElement? answer, FactSpec[] specs)
    {
        var facts = new List<InventoryFact>();
        if (answer is not { ValueKind: JsonValueKind.Object } found)
        {
            return facts;
        }

        foreach (var spec in specs)
        {
            if (Find(found, spec.Path) is { } value && spec.Format(value) is { Length: > 0 } text)
            {
                facts.Add(new InventoryFact(spec.Label, text, spec.Path));
            }
        }

        return facts;
    }

    private static IEnumerable<InventoryFact> UsedStorage(JsonElement? answer)
    {
        if (answer is { ValueKind: JsonValueKind.Object } found
            && Number(Find(found, "DeviceCapacity")) is > 0 and var capacity
            && Number(Find(found, "AvailableDeviceCapacity")) is >= 0 and var available
            && available <= capacity)
        {
            yield return new InventoryFact("Used", ((capacity - available) / capacity).ToString("0%", CultureInfo.InvariantCulture), "UsedCapacity");
        }
    }

    private static JsonElement? Find(JsonElement dictionary, string path)
    {
        var current = dictionary;
        foreach (var key in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(key, out current))
            {
                return null;
            }
        }

        return current;
    }

    private static List<T> Items<T>(JsonElement? answer, Func<JsonElement, T?> read) where T : class =>
        answer is { ValueKind: JsonValueKind.Array } list
            ? [.. list.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.Object).Select(read).OfType<T>()]
            : [];

    private static InstalledProfile? ReadProfile(JsonElement item) =>
        Text(item, "PayloadIdentifier") is { Length: > 0 } identifier
            ? new InstalledProfile(Text(item, "PayloadDisplayName"), identifier, Text(item, "PayloadOrganization"), Flag(item, "IsManaged"), Flag(item, "IsEncrypted"))
            : null;

    private static InstalledApp? ReadApp(JsonElement item)
    {
        var bundleId = Text(item, "Identifier");
        var name = Text(item, "Name");
        if (bundleId.Length == 0 && name.Length == 0)
        {
            return null;
        }

        var version = Text(item, "ShortVersion") is { Length: > 0 } shortVersion ? shortVersion : Text(item, "Version");
        var size = Number(Find(item, "BundleSize")) is { } bundle ? (long)bundle + (long)(Number(Find(item, "DynamicSize")) ?? 0) : (long?)null;
        return new InstalledApp(name.Length > 0 ? name : bundleId, bundleId, version, size);
    }

    private static string Text(JsonElement item, string key) =>
        item.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    private static bool Flag(JsonElement item, string key) =>
        item.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.True;

    private static double? Number(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Number } number && number.TryGetDouble(out var result) && double.IsFinite(result) ? result : null;

    private static string Plain(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.True => "Yes",
        JsonValueKind.False => "No",
        JsonValueKind.Number => value.GetRawText(),
        _ => "",
    };

    private static string Percent(JsonElement value) =>
        Number(value) is >= 0 and <= 1 and var level ? level.ToString("0%", CultureInfo.InvariantCulture) : "";

    private static string Gigabytes(JsonElement value) =>
        Number(value) is >= 0 and var size ? size.ToString("0.##", CultureInfo.InvariantCulture) + " GB" : "";

    /// <summary>Apple's HardwareEncryptionCaps bits: 1 block-level, 2 file-level.</summary>
    private static string Encryption(JsonElement value) => Number(value) switch
    {
        3 => "Block and file level",
        1 => "Block level",
        2 => "File level",
        0 => "None",
        _ => "",
    };

    private sealed record FactSpec(string Label, string Path, Func<JsonElement, string> Format)
    {
        public FactSpec(string label, string path)
            : this(label, path, Plain)
        {
        }
    }
}
