using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaaSMdm.Apple.Ddm;
using SaaSMdm.Apple.Plist;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Maintenance;
using SaaSMdm.TestHosts;
using static SaaSMdm.Core.Tests.Gateway.DeclarativeManagementSeeding;
using Declaration = SaaSMdm.Apple.Ddm.Declaration;

namespace SaaSMdm.Core.Tests.Gateway;

public sealed class DeclarativeManagementTestsOnSqlite(GatewayFixture<OnSqlite> fixture) : DeclarativeManagementTests<OnSqlite>(fixture), IClassFixture<GatewayFixture<OnSqlite>>;

public sealed class DeclarativeManagementTestsOnPostgres(GatewayFixture<OnPostgres> fixture) : DeclarativeManagementTests<OnPostgres>(fixture), IClassFixture<GatewayFixture<OnPostgres>>;

/// <summary>The DeclarativeManagement check-in: tokens, declaration-items, declarations and status, per enrollment channel.</summary>
public abstract class DeclarativeManagementTests<TProvider>(GatewayFixture<TProvider> fixture) where TProvider : IProviderChoice
{
    private const string Passcode = """{"MinimumLength": 6}""";

    [Fact]
    public async Task Tokens_and_declaration_items_agree_and_stay_stable_until_something_changes()
    {
        var tenant = await fixture.SharedTenantAsync();
        var device = await tenant.EnrollDeviceAsync();
        var enrollment = (await fixture.FindEnrollmentAsync(tenant.Id, device.Udid))!;
        var identifier = Unique("passcode");
        await AssignAsync(fixture.Host.Services, tenant.Id, PasscodeType, identifier, Passcode, enrollment.Id);

        var tokens = TokensResponse.Parse(TestDevice.JsonIn(await device.DeclarativeAsync("tokens"))).SyncTokens;
        var itemsJson = TestDevice.JsonIn(await device.DeclarativeAsync("declaration-items"));
        var items = DeclarationItemsResponse.Parse(itemsJson);
        var again = TokensResponse.Parse(TestDevice.JsonIn(await device.DeclarativeAsync("tokens"))).SyncTokens;
        await fixture.RestartAsync();
        var afterRestart = TokensResponse.Parse(TestDevice.JsonIn(await device.DeclarativeAsync("tokens"))).SyncTokens;

        Assert.Equal(tokens.DeclarationsToken, items.DeclarationsToken);
        Assert.Equal(tokens, again);
        Assert.Equal(tokens, afterRestart);
        Assert.Contains(items.Declarations.Configurations, item => item.Identifier == identifier);
        var manifest = JsonNode.Parse(itemsJson)!["Declarations"]!.AsObject();
        Assert.Equal(["Activations", "Assets", "Configurations", "Management"], manifest.Select(p => p.Key).Order());
        var stored = await fixture.ReadAsync(tenant.Id, db => db.DeclarativeStates.AsNoTracking().SingleAsync(s => s.EnrollmentId == enrollment.Id));
        Assert.Equal(tokens.DeclarationsToken, stored.DeclarationsToken);
        Assert.Equal(new DateTimeOffset(stored.TokenChangedAt!.Value, TimeSpan.Zero).ToUnixTimeSeconds(), tokens.Timestamp.ToUnixTimeSeconds());

        var newToken = await ChangeAsync(fixture.Host.Services, tenant.Id, identifier, """{"MinimumLength": 8}""");
        var changed = TokensResponse.Parse(TestDevice.JsonIn(await device.DeclarativeAsync("tokens"))).SyncTokens;
        var changedItems = DeclarationItemsResponse.Parse(TestDevice.JsonIn(await device.DeclarativeAsync("declaration-items")));

        Assert.NotEqual(tokens.DeclarationsToken, changed.DeclarationsToken);
        Assert.True(changed.Timestamp >= tokens.Timestamp);
        Assert.Equal(changed.DeclarationsToken, changedItems.DeclarationsToken);
        Assert.Equal(newToken, changedItems.Declarations.Configurations.Single(item => item.Identifier == identifier).ServerToken);
    }

    [Fact]
    public async Task A_declaration_is_served_only_to_the_channels_it_is_effective_for_and_in_its_category()
    {
        var tenant = await fixture.SharedTenantAsync();
        var other = await fixture.OtherTenantAsync();
        var device = await tenant.EnrollDeviceAsync();
        var stranger = await other.EnrollDeviceAsync();
        TestDevice.AssertAccepted(await device.CheckInAsync(device.TokenUpdate(pushMagic: "user-magic").Add("UserID", "user-1")));
        var enrollment = (await fixture.FindEnrollmentAsync(tenant.Id, device.Udid))!;
        var user = (await fixture.FindEnrollmentAsync(tenant.Id, $"{device.Udid}:user-1"))!;
        var onDevice = Unique("device");
        var onUser = Unique("user");
        var unassigned = Unique("unassigned");
        var elsewhere = Unique("elsewhere");
        await AssignAsync(fixture.Host.Services, tenant.Id, PasscodeType, onDevice, Passcode, enrollment.Id);
        await AssignAsync(fixture.Host.Services, tenant.Id, PasscodeType, onUser, Passcode, user.Id);
        await AssignAsync(fixture.Host.Services, tenant.Id, PasscodeType, unassigned, Passcode);
        await AssignAsync(fixture.Host.Services, other.Id, PasscodeType, elsewhere, Passcode, (await fixture.FindEnrollmentAsync(other.Id, stranger.Udid))!.Id);
        var userKeys = new PlistDictionary().Add("UserID", "user-1");

        var served = Declaration.Parse(TestDevice.JsonIn(await device.DeclarativeAsync($"declaration/configuration/{onDevice}")));
        var servedToUser = Declaration.Parse(TestDevice.JsonIn(await device.DeclarativeAsync($"declaration/configuration/{onUser}", channelKeys: userKeys)));

        Assert.Equal((PasscodeType, onDevice, 6), (served.Type, served.Identifier, served.Payload.GetProperty("MinimumLength").GetInt32()));
        Assert.Equal(onUser, servedToUser.Identifier);
        foreach (var endpoint in new[]
                 {
                     $"declaration/activation/{onDevice}", $"declaration/configuration/{onUser}", $"declaration/configuration/{unassigned}",
                     $"declaration/configuration/{elsewhere}", "declaration/configuration/nothing-by-this-name",
                 })
        {
            Assert.Equal(404, (await device.DeclarativeAsync(endpoint)).HttpStatus);
        }

        Assert.Equal(404, (await device.DeclarativeAsync($"declaration/configuration/{onDevice}", channelKeys: userKeys)).HttpStatus);
    }

    [Theory]
    [InlineData("")]
    [InlineData("token")]
    [InlineData("declaration/widget/x")]
    [InlineData("declaration/configuration/")]
    public async Task A_malformed_endpoint_is_400_and_changes_nothing(string endpoint)
    {
        var tenant = await fixture.SharedTenantAsync();
        var device = await tenant.EnrollDeviceAsync();
        var before = await SnapshotAsync(tenant.Id);

        var reply = await device.DeclarativeAsync(endpoint);

        Assert.Equal(400, reply.HttpStatus);
        Assert.Contains("endpoint", reply.Body.ToStringUtf8(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await SnapshotAsync(tenant.Id));
    }

    [Fact]
    public async Task Status_reports_merge_into_the_tree_and_the_per_declaration_rows()
    {
        var tenant = await fixture.SharedTenantAsync();
        var device = await tenant.EnrollDeviceAsync();
        var enrollment = (await fixture.FindEnrollmentAsync(tenant.Id, device.Udid))!;

        TestDevice.AssertAccepted(await device.DeclarativeAsync("status", Utf8(Report(
            fullReport: true,
            configurations: """
                {"identifier": "a", "server-token": "ta", "active": true, "valid": "valid"},
                {"identifier": "b", "server-token": "tb", "active": false, "valid": "invalid", "reasons": [{"code": "Error.ConfigurationCannotBeApplied"}]}
                """,
            otherItems: """
                "device": {"operating-system": {"version": "18.0", "build-version": "22A1"}, "model": {"family": "iPhone"}},
                "mdm": {"app": [{"identifier": "com.example.one", "name": "One"}, {"identifier": "com.example.two", "name": "Two"}]}
                """,
            errors: """[{"StatusItem": "device.power.battery-health", "Reasons": [{"Code": "Error.NotSupported"}]}]"""))));
        TestDevice.AssertAccepted(await device.DeclarativeAsync("status", Utf8(Report(
            fullReport: false,
            configurations: """
                {"identifier": "a", "_removed": true},
                {"identifier": "c", "server-token": "tc", "active": true, "valid": "valid"}
                """,
            otherItems: """
                "device": {"operating-system": {"version": "18.1"}},
                "mdm": {"app": [{"identifier": "com.example.one", "_removed": true}, {"identifier": "com.example.three", "name": "Three"}]}
                """))));

        var (state, rows) = await StatusOfAsync(tenant.Id, enrollment.Id);
        var tree = JsonNode.Parse(state.StatusJson!)!;
        Assert.Equal("18.1", (string?)tree["device"]!["operating-system"]!["version"]);
        Assert.Equal("22A1", (string?)tree["device"]!["operating-system"]!["build-version"]);
        Assert.Equal("iPhone", (string?)tree["device"]!["model"]!["family"]);
        Assert.Equal(["com.example.two", "com.example.three"], tree["mdm"]!["app"]!.AsArray().Select(app => (string?)app!["identifier"]));
        Assert.Equal(["b", "c"], tree["management"]!["declarations"]!["configurations"]!.AsArray().Select(d => (string?)d!["identifier"]));
        Assert.Equal(["b", "c"], rows.Select(r => r.Identifier));
        Assert.Equal(("configuration", "invalid", false, "tb"), (rows[0].Category, rows[0].Valid, rows[0].Active, rows[0].ServerToken));
        Assert.Contains("Error.ConfigurationCannotBeApplied", rows[0].ReasonsJson);
        Assert.Contains("Error.NotSupported", state.ErrorsJson);
        Assert.NotNull(state.LastFullReportAt);
        Assert.Equal(2, await fixture.ReadAsync(tenant.Id, db => db.StatusReports.CountAsync(r => r.EnrollmentId == enrollment.Id)));

        TestDevice.AssertAccepted(await device.DeclarativeAsync("status", Utf8(Report(
            fullReport: true,
            configurations: """{"identifier": "c", "server-token": "tc2", "active": true, "valid": "valid"}"""))));

        (state, rows) = await StatusOfAsync(tenant.Id, enrollment.Id);
        tree = JsonNode.Parse(state.StatusJson!)!;
        Assert.Null(tree["device"]);
        Assert.Null(tree["mdm"]);
        Assert.Equal(("c", "tc2"), (Assert.Single(rows).Identifier, rows[0].ServerToken));
        Assert.Null(state.ErrorsJson);
    }

    public static TheoryData<string, string> MalformedReports() => new()
    {
        { "not JSON", "{\"StatusItems\": " },
        { "not a report", "[1, 2]" },
        { "StatusItems not an object", """{"StatusItems": 3}""" },
        { "declarations not an object", """{"StatusItems": {"management": {"declarations": []}}}""" },
        { "no server-token", Report(false, """{"identifier": "x", "active": true, "valid": "valid"}""") },
        { "unknown validity", Report(false, """{"identifier": "x", "server-token": "t", "active": true, "valid": "maybe"}""") },
        { "identifier too long", Report(false, $$"""{"identifier": "{{new string('x', 65)}}", "server-token": "t", "active": true, "valid": "valid"}""") },
        { "removal without identifier", Report(false, """{"_removed": true}""") },
        { "capabilities not an object", """{"StatusItems": {"management": {"client-capabilities": "all"}}}""" },
        { "oversized", Report(false, "", $$"""
            "filler": "{{new string('x', 1024 * 1024)}}"
            """) },
    };

    [Theory]
    [MemberData(nameof(MalformedReports))]
    public async Task A_malformed_or_oversized_report_is_400_and_stores_nothing(string why, string json)
    {
        var tenant = await fixture.SharedTenantAsync();
        var device = await tenant.EnrollDeviceAsync();
        TestDevice.AssertAccepted(await device.DeclarativeAsync("status", Utf8(Report(true, """{"identifier": "kept", "server-token": "t", "active": true, "valid": "valid"}"""))));
        var before = await SnapshotAsync(tenant.Id);

        var reply = await device.DeclarativeAsync("status", Utf8(json));
        var missing = await device.DeclarativeAsync("status");

        Assert.True(reply.HttpStatus == 400, why);
        Assert.False(reply.Body.IsEmpty);
        Assert.Equal(400, missing.HttpStatus);
        Assert.Equal(before, await SnapshotAsync(tenant.Id));
    }

    [Fact]
    public async Task Client_capabilities_withhold_a_type_the_device_cannot_take_and_the_status_API_says_why()
    {
        var tenant = await fixture.SharedTenantAsync();
        var device = await tenant.EnrollDeviceAsync();
        var enrollment = (await fixture.FindEnrollmentAsync(tenant.Id, device.Udid))!;
        var identifier = Unique("passcode");
        await AssignAsync(fixture.Host.Services, tenant.Id, PasscodeType, identifier, Passcode, enrollment.Id);
        var before = TokensResponse.Parse(TestDevice.JsonIn(await device.DeclarativeAsync("tokens"))).SyncTokens;

        TestDevice.AssertAccepted(await device.DeclarativeAsync("status", Utf8("""
            {"StatusItems": {"management": {"client-capabilities": {"supported-versions": ["1.0.0"],
              "supported-payloads": {"declarations": {"activations": ["com.apple.activation.simple"], "assets": [],
                "configurations": ["com.apple.configuration.management.status-subscriptions"],
                "management": ["com.apple.management.properties"]}}}}}, "FullReport": false}
            """)));

        var after = TokensResponse.Parse(TestDevice.JsonIn(await device.DeclarativeAsync("tokens"))).SyncTokens;
        var items = DeclarationItemsResponse.Parse(TestDevice.JsonIn(await device.DeclarativeAsync("declaration-items")));
        Assert.NotEqual(before.DeclarationsToken, after.DeclarationsToken);
        Assert.DoesNotContain(items.Declarations.Configurations, item => item.Identifier == identifier);
        Assert.Equal(404, (await device.DeclarativeAsync($"declaration/configuration/{identifier}")).HttpStatus);
        Assert.Equal("DeclarativeManagement", await QueuedRequestTypeAsync(tenant.Id, enrollment.Id));

        var status = await new Contracts.V1.DeclarativeStatus.DeclarativeStatusClient(fixture.Host.Channel.CreateCallInvoker())
            .GetDeviceStatusAsync(new GetDeviceStatusRequest { TenantId = tenant.Id.ToString(), DeviceId = enrollment.Id.ToString() });
        var withheld = Assert.Single(status.WithheldDeclarations);
        Assert.Equal((identifier, PasscodeType), (withheld.Identifier, withheld.Type));
        Assert.Contains("client-capabilities", withheld.Reason);
        Assert.Contains("supported-payloads", status.ClientCapabilitiesJson);
        Assert.Equal(after.DeclarationsToken, status.DeclarationsToken);
    }

    [Fact]
    public async Task Raw_reports_older_than_the_retention_period_are_swept()
    {
        var tenant = await fixture.SharedTenantAsync();
        var device = await tenant.EnrollDeviceAsync();
        var enrollment = (await fixture.FindEnrollmentAsync(tenant.Id, device.Udid))!;
        TestDevice.AssertAccepted(await device.DeclarativeAsync("status", Utf8(Report(true, ""))));
        var days = fixture.Host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RetentionOptions>>().Value.StatusReportDays;
        var old = Guid.NewGuid();
        await fixture.InTenantAsync(tenant.Id, (db, _) =>
        {
            db.StatusReports.Add(new StatusReportEntity
            {
                Id = old,
                TenantId = tenant.Id,
                EnrollmentId = enrollment.Id,
                ReportJson = Utf8(Report(true, "")),
                FullReport = true,
                ReceivedAt = DateTime.UtcNow.AddDays(-days - 1),
            });
            return db.SaveChangesAsync();
        });

        var swept = await fixture.Host.Services.GetRequiredService<RetentionSweep>().SweepOnceAsync(CancellationToken.None);

        Assert.True(swept.StatusReports >= 1);
        var left = await fixture.ReadAsync(tenant.Id, db => db.StatusReports.Where(r => r.EnrollmentId == enrollment.Id).Select(r => r.Id).ToListAsync());
        Assert.DoesNotContain(old, left);
        Assert.Single(left);
    }

    private static string Unique(string name) => $"com.example.{name}.{Guid.NewGuid():N}"[..48];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private Task<(DeclarativeStateEntity State, List<DeclarationStatusEntity> Rows)> StatusOfAsync(Guid tenantId, Guid enrollmentId) =>
        fixture.ReadAsync(tenantId, async db => (
            await db.DeclarativeStates.AsNoTracking().SingleAsync(s => s.EnrollmentId == enrollmentId),
            await db.DeclarationStatuses.AsNoTracking().Where(s => s.EnrollmentId == enrollmentId).OrderBy(s => s.Identifier).ToListAsync()));

    private Task<string?> QueuedRequestTypeAsync(Guid tenantId, Guid enrollmentId) =>
        fixture.ReadAsync(tenantId, db => db.CommandQueue.AsNoTracking()
            .Where(q => q.EnrollmentId == enrollmentId)
            .Select(q => db.Commands.Where(c => c.Id == q.CommandId).Select(c => c.RequestType).FirstOrDefault())
            .FirstOrDefaultAsync());

    /// <summary>The device-management rows and the declarative ones: a refused request leaves both unchanged.</summary>
    private async Task<string> SnapshotAsync(Guid tenantId) => await fixture.SnapshotAsync(tenantId) + await fixture.ReadAsync(tenantId, async db => JsonSerializer.Serialize(new object[]
    {
        await db.DeclarativeStates.AsNoTracking().OrderBy(s => s.EnrollmentId).ToListAsync(),
        await db.DeclarationStatuses.AsNoTracking().OrderBy(s => s.EnrollmentId).ThenBy(s => s.Identifier).ToListAsync(),
        await db.StatusReports.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(),
    }));
}
