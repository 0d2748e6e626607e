using System.Text.Json;
using SaaSMdm.Apple.Ddm;
using SaaSMdm.DeviceSim.Declarative;
using SaaSMdm.DeviceSim.Hardware;
using SaaSMdm.DeviceSim.Tests.Support;

namespace SaaSMdm.DeviceSim.Tests;

public sealed class DeclarativeStatusTests
{
    private const string Activation = "com.apple.activation.simple";
    private const string Test = "com.apple.configuration.management.test";
    private const string Properties = "com.apple.management.properties";
    private const string Subscriptions = "com.apple.configuration.management.status-subscriptions";

    private static readonly StatusItemValidator Validator = new();

    [Fact]
    public async Task A_configuration_applies_only_while_an_active_activation_references_it()
    {
        await using var server = await MdmTestServer.StartAsync();
        using var device = await TestDevices.EnrolledAsync(server);
        server.Declarative.Put(Properties, "props", """{"ring":50}""");
        server.Declarative.Put(Activation, "staged", """{"StandardConfigurations":["rollout"],"Predicate":"@property(ring) < 10"}""");
        server.Declarative.Put(Test, "rollout", """{"Echo":"rollout"}""");
        server.Declarative.Put(Test, "loose", """{"Echo":"nobody references me"}""");

        await device.SyncDeclarationsAsync();

        Assert.Equal(DeclarationValidity.Valid, device.Declarative.StatusOf("staged").Validity);
        Assert.Equal(["Info.Predicate"], device.Declarative.StatusOf("staged").ReasonCodes);
        Assert.Equal(["Info.NotReferencedByActivation"], device.Declarative.StatusOf("rollout").ReasonCodes);
        Assert.Equal(["Info.NotReferencedByActivation"], device.Declarative.StatusOf("loose").ReasonCodes);
        Assert.All(device.Declarative.Declarations.Values, held => Assert.False(held.Status.Active));
        Assert.Equal(DeclarationValidity.Valid, device.Declarative.StatusOf("rollout").Validity);

        server.Declarative.Put(Properties, "props", """{"ring":5}""");
        await device.SyncDeclarationsAsync();

        Assert.Equal(DeclarationStatus.ActiveAndValid, device.Declarative.StatusOf("staged"));
        Assert.Equal(DeclarationStatus.ActiveAndValid, device.Declarative.StatusOf("rollout"));
        Assert.False(device.Declarative.StatusOf("loose").Active);
        Assert.False(device.Declarative.StatusOf("props").Active);
    }

    [Fact]
    public async Task What_the_device_cannot_take_or_apply_is_invalid_with_Apples_reason()
    {
        await using var server = await MdmTestServer.StartAsync();
        var options = TestDevices.Options(server, DevicePlatform.Mac) with
        {
            Declarative = new DeclarativeBehavior { UnsupportedTypes = new HashSet<string> { "com.apple.configuration.passcode.settings" } },
        };
        using var device = await TestDevices.EnrolledAsync(server, options);
        server.Declarative.Put(Activation, "all", """{"StandardConfigurations":["passcode","ios-only","failing","needs-asset","fine"]}""");
        server.Declarative.Put(Activation, "garbled", """{"StandardConfigurations":["fine"],"Predicate":"@property(ring) <"}""");
        server.Declarative.Put("com.apple.configuration.passcode.settings", "passcode", """{"RequirePasscode":true}""");
        server.Declarative.Put("com.apple.configuration.app.managed", "ios-only", """{"AppStoreID":"1"}""");
        server.Declarative.Put(Test, "failing", """{"Echo":"x","ReturnStatus":"Failed"}""");
        server.Declarative.Put(Test, "needs-asset", """{"Echo":"x","EchoDataAssetReference":"no-such-asset"}""");
        server.Declarative.Put(Test, "fine", """{"Echo":"x","ReturnStatus":"Installed"}""");

        await device.SyncDeclarationsAsync();

        void AssertInvalid(string identifier, string code)
        {
            var status = device.Declarative.StatusOf(identifier);
            Assert.Equal((false, DeclarationValidity.Invalid), (status.Active, status.Validity));
            var reason = Assert.Single(status.Reasons);
            Assert.Equal(code, reason.Code);
            Assert.Equal(identifier, reason.Details!.Value.GetProperty("Identifier").GetString());
        }

        AssertInvalid("passcode", "Error.ConfigurationNotSupported");
        AssertInvalid("ios-only", "Error.ConfigurationNotSupported");
        AssertInvalid("failing", "Error.ConfigurationCannotBeApplied");
        AssertInvalid("needs-asset", "Error.MissingAssets");
        AssertInvalid("garbled", "Error.UnableToParsePredicate");
        Assert.Equal(DeclarationStatus.ActiveAndValid, device.Declarative.StatusOf("fine"));
        var capabilities = Declarations(server.Declarative.Reports.Last(), "client-capabilities");
        var configurations = capabilities.GetProperty("supported-payloads").GetProperty("declarations").GetProperty("configurations").EnumerateArray().Select(type => type.GetString()).ToArray();
        Assert.Contains(Test, configurations);
        Assert.DoesNotContain("com.apple.configuration.passcode.settings", configurations);
        Assert.DoesNotContain("com.apple.configuration.app.managed", configurations);
    }

    [Fact]
    public async Task The_first_report_is_full_later_ones_carry_only_changes_and_every_Nth_sync_is_full_again()
    {
        await using var server = await MdmTestServer.StartAsync();
        var options = TestDevices.Options(server) with { Declarative = new DeclarativeBehavior { FullReportEverySyncs = 4 } };
        using var device = await TestDevices.EnrolledAsync(server, options);
        server.Declarative.Put(Activation, "act", """{"StandardConfigurations":["subs","one"]}""");
        server.Declarative.Put(Subscriptions, "subs", """{"StatusItems":[{"Name":"device.operating-system.version"},{"Name":"device.model.family"},{"Name":"softwareupdate.install-state"}]}""");
        server.Declarative.Put(Test, "one", """{"Echo":"one"}""");
        server.Declarative.Put(Test, "two", """{"Echo":"two"}""");

        var first = (await device.SyncDeclarationsAsync()).Report!;
        Assert.True(first.FullReport);
        Assert.Equal(
            ["device.model.family", "device.operating-system.version", "management.client-capabilities", "management.declarations", "softwareupdate.install-state"],
            first.Items().Select(item => item.Name).Order());
        Assert.Equal(device.Facts.OperatingSystem.Version, Item(first, "device.operating-system.version").GetString());
        Assert.Equal("iPhone", Item(first, "device.model.family").GetString());
        Assert.Equal("none", Item(first, "softwareupdate.install-state").GetString());
        Assert.Equal(["act"], Identifiers(first, "activations"));
        Assert.Equal(["one", "subs", "two"], Identifiers(first, "configurations"));

        server.Declarative.Put(Test, "one", """{"Echo":"one, changed"}""");
        server.Declarative.Remove("two");
        var second = (await device.SyncDeclarationsAsync()).Report!;
        Assert.False(second.FullReport);
        Assert.Equal(["management.declarations"], second.Items().Select(item => item.Name));
        Assert.Empty(Identifiers(second, "activations"));
        var changes = Declarations(second, "declarations").GetProperty("configurations").EnumerateArray().ToArray();
        Assert.Equal(2, changes.Length);
        Assert.Equal(device.Declarative.Declarations["one"].ServerToken, changes[0].GetProperty("server-token").GetString());
        Assert.Equal("two", changes[1].GetProperty("identifier").GetString());
        Assert.True(changes[1].GetProperty("_removed").GetBoolean());

        Assert.Null((await device.SyncDeclarationsAsync()).Report);
        var fourth = (await device.SyncDeclarationsAsync()).Report!;
        Assert.True(fourth.FullReport);
        Assert.Equal(first.Items().Select(item => item.Name).Order(), fourth.Items().Select(item => item.Name).Order());
        Assert.Equal(["one", "subs"], Identifiers(fourth, "configurations"));
        Assert.Equal(3, server.Declarative.Reports.Count());
    }

    [Fact]
    public async Task A_subscribed_item_the_device_lacks_is_reported_as_an_error_once()
    {
        await using var server = await MdmTestServer.StartAsync();
        using var device = await TestDevices.EnrolledAsync(server, TestDevices.Options(server, DevicePlatform.Mac));
        server.Declarative.Put(Activation, "act", """{"StandardConfigurations":["subs"]}""");
        server.Declarative.Put(Subscriptions, "subs", """{"StatusItems":[{"Name":"passcode.is-present"},{"Name":"device.identifier.serial-number"}]}""");

        var first = (await device.SyncDeclarationsAsync()).Report!;
        server.Declarative.Put(Test, "new", """{"Echo":"x"}""");
        var second = (await device.SyncDeclarationsAsync()).Report!;

        Assert.Equal("passcode.is-present", Assert.Single(first.Errors).StatusItem);
        Assert.Equal(device.Facts.SerialNumber, Item(first, "device.identifier.serial-number").GetString());
        Assert.Empty(second.Errors);
    }

    [Fact]
    public async Task An_enforced_update_newer_than_the_OS_shows_as_pending_downloading_then_prepared()
    {
        await using var server = await MdmTestServer.StartAsync();
        using var device = await TestDevices.EnrolledAsync(server);
        server.Declarative.Put(Activation, "act", """{"StandardConfigurations":["subs","update"]}""");
        server.Declarative.Put(Subscriptions, "subs", """{"StatusItems":[{"Name":"softwareupdate.install-state"},{"Name":"softwareupdate.pending-version"}]}""");
        server.Declarative.Put(
            "com.apple.configuration.softwareupdate.enforcement.specific", "update",
            """{"TargetOSVersion":"99.0","TargetBuildVersion":"99A1","TargetLocalDateTime":"2030-01-01T09:00:00"}""");

        var first = (await device.SyncDeclarationsAsync()).Report!;
        var second = (await device.SyncDeclarationsAsync()).Report!;

        Assert.Equal("downloading", Item(first, "softwareupdate.install-state").GetString());
        Assert.Equal("99.0", Item(first, "softwareupdate.pending-version").GetProperty("os-version").GetString());
        Assert.Equal("99A1", Item(first, "softwareupdate.pending-version").GetProperty("build-version").GetString());
        Assert.Equal(["softwareupdate.install-state"], second.Items().Select(item => item.Name));
        Assert.Equal("prepared", Item(second, "softwareupdate.install-state").GetString());
        Assert.Equal(new SoftwareUpdateEnforcement("update", "99.0", "99A1", "2030-01-01T09:00:00", "prepared"), device.Declarative.SoftwareUpdate);
    }

    [Theory]
    [InlineData(DevicePlatform.IPhone)]
    [InlineData(DevicePlatform.IPad)]
    [InlineData(DevicePlatform.Mac)]
    public async Task Every_report_fits_Apples_status_schema(DevicePlatform platform)
    {
        await using var server = await MdmTestServer.StartAsync();
        using var device = await TestDevices.EnrolledAsync(server, TestDevices.Options(server, platform));
        var everything = AppleSchemaNames();
        server.Declarative.Put(Activation, "act", """{"StandardConfigurations":["subs","one","update"]}""");
        server.Declarative.Put(Activation, "broken", """{"StandardConfigurations":[],"Predicate":"NOT"}""");
        server.Declarative.Put(Subscriptions, "subs", $$"""{"StatusItems":[{{everything}}]}""");
        server.Declarative.Put(Test, "one", """{"Echo":"one"}""");
        server.Declarative.Put(Test, "two", """{"Echo":"two","ReturnStatus":"Failed"}""");
        server.Declarative.Put(
            "com.apple.configuration.softwareupdate.enforcement.specific", "update",
            """{"TargetOSVersion":"99.0","TargetLocalDateTime":"2030-01-01T09:00:00"}""");
        await device.SyncDeclarationsAsync();
        server.Declarative.Put(Test, "one", """{"Echo":"one, changed"}""");
        server.Declarative.Remove("two");
        await device.SyncDeclarationsAsync();

        var reports = server.Declarative.Reports.ToArray();
        Assert.Equal(2, reports.Length);
        Assert.All(reports, report =>
        {
            var removals = RemovalPaths(report);
            var problems = Validator.Validate(StatusReport.Parse(report.ToJson())).Problems
                .Where(problem => !removals.Any(removal => problem.Path.StartsWith(removal + ".", StringComparison.Ordinal)))
                .ToArray();
            Assert.True(problems.Length == 0, string.Join(Environment.NewLine, problems.AsEnumerable()));
        });
    }

    private static string AppleSchemaNames() => string.Join(
        ",",
        Apple.Schema.AppleSchemaCatalog.Default.OfKind(Apple.Schema.SchemaKind.StatusItem)
            .Where(document => !document.TypeName.StartsWith("management.", StringComparison.Ordinal))
            .Select(document => $$"""{"Name":"{{document.TypeName}}"}"""));

    /// <summary>
    /// The <c>{identifier, _removed}</c> elements inside <c>management.declarations</c>. StatusItemValidator
    /// accepts removals only in top-level array items, so inside this dictionary it wants their other required
    /// keys; the removal itself is the shape the status schema gives array elements.
    /// </summary>
    private static string[] RemovalPaths(StatusReport report) =>
    [
        .. Declarations(report, "declarations").EnumerateObject().SelectMany(category => category.Value.EnumerateArray()
            .Select((element, index) => (element, index))
            .Where(pair => pair.element.TryGetProperty("_removed", out _))
            .Select(pair => $"management.declarations.{category.Name}[{pair.index}]")),
    ];

    private static JsonElement Item(StatusReport report, string name) => report.Items().Single(item => item.Name == name).Value;

    private static JsonElement Declarations(StatusReport report, string name) => Item(report, $"management.{name}");

    private static string[] Identifiers(StatusReport report, string category) =>
        Declarations(report, "declarations").GetProperty(category).EnumerateArray().Select(element => element.GetProperty("identifier").GetString()!).ToArray();
}
