using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SaaSMdm.DeviceSim.Hardware;

/// <summary>
/// Invents the identifiers of a device in the shapes Apple uses (modern serial numbers, chip-prefixed UDIDs, IMEIs
/// with a valid Luhn digit, Apple MAC prefixes), so that servers validating shapes accept them.
/// </summary>
public static class DeviceFactsGenerator
{
    private const string SerialAlphabet = "0123456789CDFGHJKLMNPQRTVWXY";

    private static readonly string[] FirstNames = ["Anna", "Ben", "Chloe", "David", "Emma", "Felix", "Grace", "Hugo", "Iris", "Jonas", "Kira", "Liam", "Maya", "Noah", "Olivia", "Paul"];
    private static readonly string[] LastNames = ["Appleseed", "Berg", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Hansen", "Ito", "Jensen", "Kowalski", "Larsen"];
    private static readonly string[] AppleMacPrefixes = ["f0:18:98", "a4:83:e7", "3c:22:fb", "88:66:5a", "bc:d0:74"];
    private static readonly string[] TimeZones = ["Europe/Berlin", "America/New_York", "America/Los_Angeles", "Europe/London", "Asia/Tokyo"];

    public static DeviceFacts Generate(SimulatedDeviceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var model = options.Model ?? Pick(DeviceCatalog.ModelsOf(options.Platform));
        if (model.Platform != options.Platform)
        {
            throw new ArgumentException($"Model {model.ProductName} is not a {options.Platform}.", nameof(options));
        }

        var capacity = Math.Round(model.StorageGigabytes * 0.931, 2);
        return new DeviceFacts
        {
            Model = model,
            OperatingSystem = options.OperatingSystem ?? Pick(DeviceCatalog.Releases(model.Platform)),
            Udid = options.Udid ?? Udid(model),
            ProvisioningUdid = model.IsAppleSilicon ? ChipUdid(model.ChipId!) : null,
            SerialNumber = options.SerialNumber ?? SerialNumber(),
            DeviceName = options.DeviceName ?? $"{Pick(FirstNames)}’s {model.ModelName}",
            Imei = options.Imei ?? (model.HasCellular ? Imei() : null),
            WiFiMac = MacAddress(),
            BluetoothMac = MacAddress(),
            EthernetMac = model is { Platform: DevicePlatform.Mac, HasBattery: false } ? MacAddress() : null,
            DeviceCapacity = capacity,
            AvailableDeviceCapacity = Math.Round(capacity * (0.2 + (Random.Shared.NextDouble() * 0.6)), 2),
            BatteryLevel = model.HasBattery ? Math.Round(0.2 + (Random.Shared.NextDouble() * 0.8), 2) : -1.0,
            IsSupervised = options.IsSupervised,
            TimeZone = Pick(TimeZones),
        };
    }

    public static MacUser MacUser()
    {
        var first = Pick(FirstNames);
        var last = Pick(LastNames);
        return new MacUser(Guid.NewGuid().ToString("D").ToUpperInvariant(), (first[0] + last).ToLowerInvariant(), $"{first} {last}");
    }

    /// <summary>Macs identify by their hardware UUID; iPhones and iPads since 2018 by chip id and ECID.</summary>
    private static string Udid(DeviceModel model) =>
        model.Platform == DevicePlatform.Mac ? Guid.NewGuid().ToString("D").ToUpperInvariant() : ChipUdid(model.ChipId ?? "8020");

    private static string ChipUdid(string chipId) => $"0000{chipId}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(8))}";

    private static string SerialNumber() => RandomNumberGenerator.GetString(SerialAlphabet, 10);

    /// <summary>Type allocation code, serial and Luhn check digit.</summary>
    private static string Imei()
    {
        var digits = "35" + RandomNumberGenerator.GetString("0123456789", 12);
        var check = LuhnCheckDigit(digits);
        return $"{digits[..2]} {digits[2..8]} {digits[8..14]} {check}";
    }

    private static int LuhnCheckDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                digit *= 2;
                digit = digit > 9 ? digit - 9 : digit;
            }

            sum += digit;
        }

        return (10 - (sum % 10)) % 10;
    }

    private static string MacAddress()
    {
        var text = new StringBuilder(Pick(AppleMacPrefixes));
        foreach (var octet in RandomNumberGenerator.GetBytes(3))
        {
            text.Append(':').Append(octet.ToString("x2", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static T Pick<T>(IReadOnlyList<T> items) => items[Random.Shared.Next(items.Count)];
}
