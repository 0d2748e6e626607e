using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Plist;
using SaaSMdm.Apple.Schema;
using SaaSMdm.DeviceSim.Commands;
using SaaSMdm.DeviceSim.Hardware;
using SaaSMdm.DeviceSim.Protocol;
using SaaSMdm.DeviceSim.Tests.Support;

namespace SaaSMdm.DeviceSim.Tests;

/// <summary>Every responder answers with the keys and types Apple's schema gives the command's responsekeys.</summary>
public sealed class ResponderSchemaTests
{
    private static readonly AppleSchemaCatalog Catalog = AppleSchemaCatalog.Default;

    private static readonly DeviceProfile ManagedProfile = new(
        "com.example.managed", Guid.NewGuid().ToString().ToUpperInvariant(), "Managed", "Example", null, 1, IsManaged: true, RemovalDisallowed: false, [], []);

    public static TheoryData<DevicePlatform, string> EveryResponderOnEveryPlatform()
    {
        var data = new TheoryData<DevicePlatform, string>();
        foreach (var platform in Enum.GetValues<DevicePlatform>())
        {
            foreach (var requestType in CommandResponders.Default.RequestTypes.Order(StringComparer.Ordinal))
            {
                data.Add(platform, requestType);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryResponderOnEveryPlatform))]
    public void The_answer_fits_the_schemas_responsekeys_and_the_platforms_os(DevicePlatform platform, string requestType)
    {
        var device = EnrolledState(platform);
        var command = SampleCommand(requestType, platform);
        Assert.True(new CommandValidator().Validate(command).IsValid, $"the sample {requestType} is not itself valid");

        var response = CommandResponders.Default.Respond(command, device);

        Assert.Equal(CommandStatus.Acknowledged, response.Status);
        SchemaAssert.ValidResult(requestType, response.Keys);
        SchemaAssert.AvailableOn(platform, Catalog.FindCommand(requestType)!.ResponseKeys, response.Keys);
        var report = CommandReport.Parse(PlistReader.Read(PlistWriter.WriteXml(CommandReports.For(device.Facts, command.CommandUuid, response))));
        Assert.Equal(CommandStatus.Acknowledged, report.Status);
    }

    [Theory]
    [InlineData(DevicePlatform.IPhone)]
    [InlineData(DevicePlatform.IPad)]
    [InlineData(DevicePlatform.Mac)]
    public void DeviceInformation_answers_only_queries_asked_that_the_device_knows(DevicePlatform platform)
    {
        var device = EnrolledState(platform);
        var everyQuery = AllQueries();

        var all = Answers(device, everyQuery);
        var two = Answers(device, ["SerialNumber", "UDID", "NoSuchQuery"]);

        Assert.Subset(everyQuery.ToHashSet(), all.Keys.ToHashSet());
        Assert.Equal(["SerialNumber", "UDID"], two.Keys);
        Assert.Equal(device.Facts.Udid, two.GetString("UDID"));
        Assert.Equal(platform == DevicePlatform.IPhone, all.ContainsKey("IMEI"));
        Assert.Equal(platform == DevicePlatform.Mac, all.ContainsKey("IsAppleSilicon"));
        Assert.Equal(platform == DevicePlatform.Mac, all.ContainsKey("HostName"));
        Assert.True(all.Count >= 20, $"only {all.Count} answers: {all}");
        foreach (var query in new[] { "DeviceName", "OSVersion", "BuildVersion", "ModelName", "Model", "ProductName", "SerialNumber", "DeviceCapacity", "AvailableDeviceCapacity", "WiFiMAC", "BluetoothMAC", "IsSupervised" })
        {
            Assert.True(all.ContainsKey(query), $"{platform} does not answer {query}");
        }
    }

    [Fact]
    public void A_command_missing_a_required_key_is_a_CommandFormatError()
    {
        var response = CommandResponders.Default.Respond(CommandRequest.Create("RemoveProfile"), EnrolledState(DevicePlatform.IPhone));

        Assert.Equal(CommandStatus.CommandFormatError, response.Status);
        Assert.Single(response.Keys.GetArray("ErrorChain"));
    }

    [Fact]
    public void A_Mac_refuses_DeviceLock_without_its_six_digit_PIN()
    {
        var mac = EnrolledState(DevicePlatform.Mac);

        var refused = CommandResponders.Default.Respond(MdmCommands.DeviceLock("Call IT"), mac);
        var locked = CommandResponders.Default.Respond(MdmCommands.DeviceLock("Call IT", pin: "123456"), mac);

        Assert.Equal(CommandStatus.Error, refused.Status);
        Assert.Equal(CommandStatus.Acknowledged, locked.Status);
        Assert.True(mac.IsLocked);
    }

    [Fact]
    public void Responders_can_be_replaced_per_request_type()
    {
        var custom = new FixedResponder("SecurityInfo", CommandResponse.NotNow());
        var responders = CommandResponders.Default.With(custom);

        Assert.Equal(CommandStatus.NotNow, responders.Respond(MdmCommands.SecurityInfo(), EnrolledState(DevicePlatform.IPhone)).Status);
        Assert.Equal(CommandResponders.Default.RequestTypes.Count, responders.RequestTypes.Count);
    }

    [Fact]
    public void Available_updates_stop_once_the_device_runs_the_latest_release()
    {
        var current = new DeviceState(DeviceFactsGenerator.Generate(new SimulatedDeviceOptions
        {
            TenantUrl = new Uri("https://mdm.example.com/t/x"),
            OperatingSystem = DeviceCatalog.LatestUpdate(DevicePlatform.IPhone),
        }));

        var response = CommandResponders.Default.Respond(MdmCommands.AvailableOSUpdates(), current);

        Assert.Empty(response.Keys.GetArray("AvailableOSUpdates"));
    }

    private static PlistDictionary Answers(DeviceState device, IEnumerable<string> queries) =>
        CommandResponders.Default.Respond(MdmCommands.DeviceInformation(queries), device).Keys.GetDictionary("QueryResponses");

    private static string[] AllQueries()
    {
        Assert.True(Catalog.FindCommand("DeviceInformation")!.PayloadKeys.TryFind("Queries", out var queries));
        return queries.Subkeys.Single().AllowedValues.Select(value => value.ToString()!).ToArray();
    }

    private static DeviceState EnrolledState(DevicePlatform platform)
    {
        var device = new DeviceState(DeviceFactsGenerator.Generate(new SimulatedDeviceOptions { TenantUrl = new Uri("https://mdm.example.com/t/x"), Platform = platform }));
        var pki = TestPki.Shared;
        var profile = new PlistDictionary()
            .Add("PayloadType", "Configuration")
            .Add("PayloadVersion", 1)
            .Add("PayloadIdentifier", "com.example.enrollment")
            .Add("PayloadUUID", Guid.NewGuid().ToString().ToUpperInvariant())
            .Add("PayloadContent", new PlistArray());
        var key = pki.NextDeviceKey(2048);
        var identity = new CertificateRequest("CN=MDM Identity", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        device.Enrolled(profile, pki.ProfileSigner, identity, [pki.TlsCa]);
        device.Profiles.Add(ManagedProfile);
        device.PushToken = RandomNumberGenerator.GetBytes(32);
        return device;
    }

    private static CommandRequest SampleCommand(string requestType, DevicePlatform platform) => requestType switch
    {
        "DeviceInformation" => MdmCommands.DeviceInformation(AllQueries()),
        "SecurityInfo" => MdmCommands.SecurityInfo(),
        "ProfileList" => MdmCommands.ProfileList(),
        "InstallProfile" => MdmCommands.InstallProfile(PlistWriter.WriteXml(new PlistDictionary()
            .Add("PayloadType", "Configuration")
            .Add("PayloadVersion", 1)
            .Add("PayloadIdentifier", "com.example.empty")
            .Add("PayloadUUID", Guid.NewGuid().ToString().ToUpperInvariant())
            .Add("PayloadContent", new PlistArray()))),
        "RemoveProfile" => MdmCommands.RemoveProfile(ManagedProfile.Identifier),
        "InstalledApplicationList" => MdmCommands.InstalledApplicationList(),
        "CertificateList" => MdmCommands.CertificateList(),
        "DeviceLock" => MdmCommands.DeviceLock("Please return to IT", "+1 555 0100", platform == DevicePlatform.Mac ? "123456" : null),
        "EraseDevice" => MdmCommands.EraseDevice(),
        "RestartDevice" => MdmCommands.RestartDevice(),
        "ShutDownDevice" => MdmCommands.ShutDownDevice(),
        "Settings" => MdmCommands.Settings([SettingsItems.DeviceName("Renamed"), SettingsItems.Bluetooth(false)]),
        "AvailableOSUpdates" => MdmCommands.AvailableOSUpdates(),
        "ScheduleOSUpdate" => MdmCommands.ScheduleOSUpdate([new OSUpdate(OSUpdateInstallAction.Default)]),
        "DeclarativeManagement" => MdmCommands.DeclarativeManagement(),
        _ => throw new InvalidOperationException($"Add a sample {requestType} command to this test."),
    };

    private sealed class FixedResponder(string requestType, CommandResponse response) : ICommandResponder
    {
        public string RequestType => requestType;

        public CommandResponse Respond(CommandRequest command, DeviceState device) => response;
    }
}
