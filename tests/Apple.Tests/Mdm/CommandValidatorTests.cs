using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Plist;
using SaaSMdm.Apple.Schema;
using SaaSMdm.Apple.Tests.Schema;

namespace SaaSMdm.Apple.Tests.Mdm;

public sealed class CommandValidatorTests
{
    public static TheoryData<string> CommandFiles() => SchemaFiles.Under("mdm/commands");

    public static TheoryData<string, CommandRequest> TypedCommands() => new()
    {
        { "DeviceInformation", MdmCommands.DeviceInformation(["DeviceName", "OSVersion", "SerialNumber", "BatteryLevel"]) },
        { "SecurityInfo", MdmCommands.SecurityInfo() },
        { "ProfileList", MdmCommands.ProfileList(managedOnly: true) },
        { "InstallProfile", MdmCommands.InstallProfile(new byte[] { 0x30, 0x80 }) },
        { "RemoveProfile", MdmCommands.RemoveProfile("com.example.wifi") },
        { "InstalledApplicationList", MdmCommands.InstalledApplicationList(["com.apple.Pages"], managedAppsOnly: true) },
        { "InstallApplication", MdmCommands.InstallApplicationFromStore(361309726, managementFlags: 1, new PlistDictionary().Add("Server", "x")) },
        { "InstallApplication", MdmCommands.InstallApplicationFromManifest(new Uri("https://apps.example.com/app.plist")) },
        { "InstallApplication", MdmCommands.InstallApplicationByIdentifier("com.apple.Pages", managementFlags: 5) },
        { "DeviceLock", MdmCommands.DeviceLock("Call IT", "+1 555 0100", "123456") },
        { "EraseDevice", MdmCommands.EraseDevice(new EraseDeviceOptions("123456", PreserveDataPlan: true, DisallowProximitySetup: true, ObliterationBehavior.DoNotObliterate, new ReturnToService(true, new byte[] { 1 }, new byte[] { 2 }))) },
        { "EraseDevice", MdmCommands.EraseDevice() },
        { "RestartDevice", MdmCommands.RestartDevice(notifyUser: true) },
        { "ShutDownDevice", MdmCommands.ShutDownDevice() },
        { "CertificateList", MdmCommands.CertificateList(managedOnly: true) },
        { "AvailableOSUpdates", MdmCommands.AvailableOSUpdates() },
        { "ScheduleOSUpdate", MdmCommands.ScheduleOSUpdate([new OSUpdate(OSUpdateInstallAction.InstallASAP, "iOSUpdate22A3354", "18.0", 3, OSUpdatePriority.High), new OSUpdate(OSUpdateInstallAction.Default)]) },
        { "Settings", MdmCommands.Settings([SettingsItems.DeviceName("Front desk"), SettingsItems.Bluetooth(false), SettingsItems.TimeZone("Europe/Paris"), SettingsItems.HostName("front-desk"), SettingsItems.DataRoaming(true), SettingsItems.VoiceRoaming(true), SettingsItems.PersonalHotspot(false), SettingsItems.ApplicationConfiguration("com.example.app", new PlistDictionary().Add("k", 1))]) },
        { "DeclarativeManagement", MdmCommands.DeclarativeManagement() },
        { "DeclarativeManagement", MdmCommands.DeclarativeManagement("{}"u8.ToArray()) },
    };

    /// <summary>The "done when" of the issue: every RequestType in the schema can be built and validated, and breaks are caught.</summary>
    [Theory]
    [MemberData(nameof(CommandFiles))]
    public void Every_command_in_the_schema_can_be_built_and_each_break_is_reported(string path)
    {
        var schema = AppleSchemaCatalog.Default.FindByPath(path)!;
        Assert.Equal(SchemaKind.Command, schema.Kind);

        SchemaConformance.AssertAll(
            schema.PayloadKeys,
            (sample, options) => new CommandValidator(options: options).Validate(CommandRequest.Create(schema.TypeName, sample)),
            "Command");
    }

    [Theory]
    [MemberData(nameof(TypedCommands))]
    public void Typed_helpers_build_valid_commands(string requestType, CommandRequest command)
    {
        var result = new CommandValidator().Validate(command);

        Assert.Equal(requestType, command.RequestType);
        Assert.True(result.Problems.Count == 0, result.ToString());
    }

    [Fact]
    public void An_unknown_request_type_is_an_error()
    {
        var problem = Assert.Single(new CommandValidator().Validate(CommandRequest.Create("DeviceInfo")).Problems);

        Assert.Equal(("Command.RequestType", SchemaProblemKind.UnknownType), (problem.Path, problem.Kind));
    }

    [Fact]
    public void Ensure_valid_throws_with_every_error_and_the_command_keeps_its_keys()
    {
        var command = MdmCommands.DeviceLock("Locked");
        command.Keys.Add("Mesage", "typo");

        var error = Assert.Throws<SchemaValidationException>(() => new CommandValidator().EnsureValid(command));

        Assert.Equal("Command.Mesage", Assert.Single(error.Result.Problems).Path);
        Assert.Contains("Command.Mesage: unknown key", error.Message, StringComparison.Ordinal);
        Assert.Equal("typo", command.Keys.GetString("Mesage"));
        new CommandValidator(options: SchemaValidationOptions.AllowingUnknownKeys).EnsureValid(command);
    }

    [Fact]
    public void Bad_values_in_typed_helpers_are_caught()
    {
        var command = MdmCommands.Settings([SettingsItems.DeviceName("x"), new PlistDictionary().Add("Item", "Volume")]);

        var problem = Assert.Single(new CommandValidator().Validate(command).Problems);

        Assert.Equal(("Command.Settings[1]", SchemaProblemKind.NoMatchingItemForm), (problem.Path, problem.Kind));
    }
}
