using System.Text;
using SaaSMdm.Apple.Ddm;
using SaaSMdm.Apple.Schema;

namespace SaaSMdm.Apple.Tests.Ddm;

public sealed class StatusReportTests
{
    /// <summary>Shaped like a first full report of an iPhone: nested names, arrays with removals, declaration status and an error.</summary>
    private const string IPhoneReport = """
        {
          "StatusItems": {
            "device": {
              "identifier": { "serial-number": "F2LXK0ABCDEF", "udid": "00008120-001A2B3C4D5E6F70" },
              "model": { "family": "iPhone", "identifier": "iPhone15,2", "marketing-name": "iPhone 14 Pro" },
              "operating-system": { "build-version": "22A3354", "family": "iOS", "marketing-name": "iOS 18", "version": "18.0" }
            },
            "passcode": { "is-compliant": true, "is-present": true },
            "mdm": { "app": [
              { "identifier": "com.example.app", "name": "Example", "version": "42", "short-version": "1.2", "state": "managed" },
              { "identifier": "com.example.gone", "_removed": true }
            ] },
            "management": {
              "declarations": {
                "activations": [ { "identifier": "act", "server-token": "t1", "active": true, "valid": "valid" } ],
                "configurations": [
                  { "identifier": "passcode", "server-token": "t2", "active": false, "valid": "invalid",
                    "reasons": [ { "code": "Error.ConfigurationCannotBeApplied", "description": "nope", "details": { "Error": "x" } } ] }
                ],
                "assets": [],
                "management": []
              },
              "client-capabilities": {
                "supported-versions": [ "1.0.0", "1.1.0", "1.2.0" ],
                "supported-features": {},
                "supported-payloads": { "declarations": { "activations": [ "com.apple.activation.simple" ], "assets": [], "configurations": [], "management": [] }, "status-items": [ "device.model.family" ] }
              }
            }
          },
          "Errors": [
            { "StatusItem": "softwareupdate.pending-version", "Reasons": [ { "Code": "Error.NotSupported", "Description": "not here", "Details": { "Domain": "x" } } ] }
          ],
          "FullReport": true
        }
        """;

    [Fact]
    public void Parses_a_report_and_flattens_its_items_by_name()
    {
        var report = StatusReport.Parse(Encoding.UTF8.GetBytes(IPhoneReport));

        var items = report.Items();

        Assert.True(report.FullReport);
        Assert.Equal(
            [
                "device.identifier.serial-number", "device.identifier.udid", "device.model.family", "device.model.identifier",
                "device.model.marketing-name", "device.operating-system.build-version", "device.operating-system.family",
                "device.operating-system.marketing-name", "device.operating-system.version", "passcode.is-compliant",
                "passcode.is-present", "mdm.app", "management.declarations", "management.client-capabilities",
            ],
            items.Select(item => item.Name));
        Assert.All(items, item => Assert.True(item.IsKnown));
        Assert.Equal("18.0", items.Single(item => item.Name == "device.operating-system.version").Value.GetString());
        var error = Assert.Single(report.Errors);
        Assert.Equal(("softwareupdate.pending-version", "Error.NotSupported", "x"), (error.StatusItem, error.Reasons![0].Code, error.Reasons[0].Details?.GetProperty("Domain").GetString()));
    }

    [Fact]
    public void A_realistic_report_follows_the_schema_removals_included()
    {
        var report = StatusReport.Parse(Encoding.UTF8.GetBytes(IPhoneReport));

        var result = new StatusItemValidator().Validate(report);

        Assert.True(result.Problems.Count == 0, result.ToString());
    }

    [Fact]
    public void Reports_wrong_values_at_their_item_path_and_unknown_items()
    {
        var report = StatusReport.Parse("""
            {"StatusItems": {"passcode": {"is-present": "yes"}, "mdm": {"app": [{"name": "no identifier"}, {"_removed": true}]}, "future": {"item": 1}}, "Errors": []}
            """u8);

        var strict = new StatusItemValidator().Validate(report);
        var lenient = new StatusItemValidator(options: SchemaValidationOptions.AllowingUnknownKeys).Validate(report);

        Assert.Equal(
            [
                ("passcode.is-present", SchemaProblemKind.WrongType),
                ("mdm.app[0].identifier", SchemaProblemKind.MissingRequiredKey),
                ("mdm.app[1].identifier", SchemaProblemKind.MissingRequiredKey),
                ("future.item", SchemaProblemKind.UnknownKey),
            ],
            strict.Problems.Select(problem => (problem.Path, problem.Kind)));
        Assert.Equal(SchemaProblemSeverity.Warning, lenient.Problems.Single(problem => problem.Path == "future.item").Severity);
        Assert.False(report.Items().Single(item => item.Name == "future.item").IsKnown);
    }

    [Fact]
    public void Removals_inside_the_declaration_categories_only_need_their_identifier()
    {
        var report = StatusReport.Parse("""
            {"StatusItems": {"management": {"declarations": {
              "activations": [],
              "configurations": [
                {"identifier": "gone", "_removed": true},
                {"_removed": true},
                {"identifier": "kept", "server-token": "t", "active": true}
              ],
              "assets": [], "management": []}}}}
            """u8);

        var result = new StatusItemValidator().Validate(report);

        Assert.Equal(
            [
                ("management.declarations.configurations[2].valid", SchemaProblemKind.MissingRequiredKey),
                ("management.declarations.configurations[1].identifier", SchemaProblemKind.MissingRequiredKey),
            ],
            result.Problems.Select(problem => (problem.Path, problem.Kind)));
    }

    [Fact]
    public void Our_report_json_follows_the_protocol_schema()
    {
        var report = StatusReport.Parse(Encoding.UTF8.GetBytes(IPhoneReport));
        var schema = AppleSchemaCatalog.Default.FindProtocol("StatusReport")!;

        var result = new SchemaValidator().Validate(schema.PayloadKeys, DdmProtocolTests.Json(Encoding.UTF8.GetString(report.ToJson())));

        Assert.True(result.Problems.Count == 0, result.ToString());
    }

    [Theory]
    [InlineData("""{"Errors": []}""")]
    [InlineData("""{"StatusItems": [], "Errors": []}""")]
    [InlineData("""{"StatusItems": {}, "Errors": [{"Reasons": []}]}""")]
    [InlineData("""{"StatusItems": {}, "Errors": {}}""")]
    [InlineData("""{"StatusItems": {}, "FullReport": "yes"}""")]
    [InlineData("null")]
    [InlineData("{")]
    public void Malformed_reports_fail_clearly(string json) =>
        Assert.Throws<DdmFormatException>(() => StatusReport.Parse(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Missing_errors_read_as_none() =>
        Assert.Empty(StatusReport.Parse("""{"StatusItems": {}}"""u8).Errors);
}
