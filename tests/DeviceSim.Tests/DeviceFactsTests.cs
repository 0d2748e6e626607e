using System.Text.RegularExpressions;
using SaaSMdm.DeviceSim.Hardware;

namespace SaaSMdm.DeviceSim.Tests;

public sealed partial class DeviceFactsTests
{
    private static readonly Uri Tenant = new("https://mdm.example.com/t/x");

    [Fact]
    public void An_iPhone_gets_a_chip_udid_a_modern_serial_and_an_imei_with_a_valid_check_digit()
    {
        var facts = Generate(DevicePlatform.IPhone);

        Assert.Matches(ChipUdid(), facts.Udid);
        Assert.Matches("^[0-9A-Z]{10}$", facts.SerialNumber);
        var imei = facts.Imei!.Replace(" ", string.Empty, StringComparison.Ordinal);
        Assert.Matches("^[0-9]{15}$", imei);
        Assert.True(LuhnValid(imei), imei);
        Assert.Contains(facts.Model, DeviceCatalog.ModelsOf(DevicePlatform.IPhone));
        Assert.Contains(facts.OperatingSystem, DeviceCatalog.Releases(DevicePlatform.IPhone));
        Assert.InRange(facts.BatteryLevel, 0.0, 1.0);
    }

    [Fact]
    public void A_Mac_is_identified_by_a_hardware_uuid_and_has_no_imei()
    {
        var facts = Generate(DevicePlatform.Mac);

        Assert.True(Guid.TryParse(facts.Udid, out _));
        Assert.Null(facts.Imei);
        Assert.Equal(facts.Model.IsAppleSilicon, facts.ProvisioningUdid is not null);
    }

    [Fact]
    public void A_wifi_iPad_has_no_imei()
    {
        Assert.Null(Generate(DevicePlatform.IPad).Imei);
    }

    [Fact]
    public void Given_identifiers_are_kept_and_a_model_of_another_platform_is_refused()
    {
        var facts = DeviceFactsGenerator.Generate(new SimulatedDeviceOptions
        {
            TenantUrl = Tenant,
            Udid = "00008130-000A1B2C3D4E5F60",
            SerialNumber = "C02XK1ABJG5H",
            DeviceName = "Kiosk 7",
        });

        Assert.Equal(("00008130-000A1B2C3D4E5F60", "C02XK1ABJG5H", "Kiosk 7"), (facts.Udid, facts.SerialNumber, facts.DeviceName));
        var mac = DeviceCatalog.ModelsOf(DevicePlatform.Mac)[0];
        Assert.Throws<ArgumentException>(() => DeviceFactsGenerator.Generate(new SimulatedDeviceOptions { TenantUrl = Tenant, Model = mac }));
    }

    [Fact]
    public void Devices_are_told_apart()
    {
        var udids = Enumerable.Range(0, 200).Select(_ => Generate(DevicePlatform.IPhone).Udid).ToHashSet();

        Assert.Equal(200, udids.Count);
    }

    [Fact]
    public void The_enrollment_url_is_below_the_tenant_url_with_the_token_escaped()
    {
        using var device = new SimulatedDevice(new SimulatedDeviceOptions { TenantUrl = Tenant, EnrollmentToken = "a b&c" });

        Assert.Equal("https://mdm.example.com/t/x/enroll?token=a%20b%26c", device.EnrollmentUrl.AbsoluteUri);
    }

    private static DeviceFacts Generate(DevicePlatform platform) =>
        DeviceFactsGenerator.Generate(new SimulatedDeviceOptions { TenantUrl = Tenant, Platform = platform });

    private static bool LuhnValid(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            sum += i % 2 == 1 ? (digit * 2 > 9 ? (digit * 2) - 9 : digit * 2) : digit;
        }

        return sum % 10 == 0;
    }

    [GeneratedRegex("^0000[0-9]{4}-[0-9A-F]{16}$")]
    private static partial Regex ChipUdid();
}
