using SaaSMdm.Apple.Ddm;
using SaaSMdm.Apple.Mdm;
using SaaSMdm.DeviceSim.Commands;
using SaaSMdm.DeviceSim.Declarative;
using SaaSMdm.DeviceSim.Tests.Support;

namespace SaaSMdm.DeviceSim.Tests;

public sealed class DeclarativeSyncTests
{
    private const string Always = "com.apple.activation.simple";
    private const string Test = "com.apple.configuration.management.test";

    [Fact]
    public async Task A_command_without_tokens_makes_the_device_ask_for_tokens_then_fetch_everything()
    {
        await using var server = await MdmTestServer.StartAsync();
        using var device = await TestDevices.EnrolledAsync(server);
        var activation = server.Declarative.Put(Always, "act", """{"StandardConfigurations":["test"]}""");
        var test = server.Declarative.Put(Test, "test", """{"Echo":"hello"}""");
        server.Enqueue(device.Facts.Udid, MdmCommands.DeclarativeManagement());

        var result = await device.RunCommandLoopAsync();

        Assert.Equal(CommandStatus.Acknowledged, Assert.Single(result.Exchanges).Status);
        Assert.Equal(["tokens", "declaration-items", "declaration/activation/act", "declaration/configuration/test", "status"], server.Declarative.Endpoints);
        Assert.Equal(server.Declarative.Items().DeclarationsToken, device.Declarative.DeclarationsToken);
        Assert.Equal(activation, device.Declarative.Declarations["act"].Declaration);
        Assert.Equal(test, device.Declarative.Declarations["test"].Declaration);
        Assert.All(device.Declarative.Declarations.Values, held => Assert.Equal(DeclarationStatus.ActiveAndValid, held.Status));
        Assert.Equal(1, device.DeclarativeRequests["tokens"]);
        Assert.Equal(2, device.DeclarativeRequests["declaration"]);
        var checkIns = server.CheckIns.Select(recorded => recorded.Message).OfType<DeclarativeManagementCheckIn>().ToArray();
        Assert.Equal(5, checkIns.Length);
        Assert.All(checkIns, checkIn => Assert.Equal(device.Facts.Udid, checkIn.Channel.Id));
        Assert.Null(checkIns[0].Data);
        Assert.NotNull(checkIns[^1].Data);
    }

    [Fact]
    public async Task Tokens_in_the_command_save_the_tokens_request_and_a_known_token_saves_the_rest()
    {
        await using var server = await MdmTestServer.StartAsync();
        using var device = await TestDevices.EnrolledAsync(server);
        server.Declarative.Put(Always, "act", """{"StandardConfigurations":[]}""");
        server.Enqueue(device.Facts.Udid, MdmCommands.DeclarativeManagement(server.Declarative.Tokens().ToJson()));

        await device.RunCommandLoopAsync();
        server.Enqueue(device.Facts.Udid, MdmCommands.DeclarativeManagement(server.Declarative.Tokens().ToJson()));
        await device.RunCommandLoopAsync();

        Assert.Equal(["declaration-items", "declaration/activation/act", "status"], server.Declarative.Endpoints);
        Assert.False(device.DeclarativeRequests.ContainsKey("tokens"));
        Assert.Equal(2, device.Declarative.Syncs);
    }

    [Fact]
    public async Task Data_that_is_not_a_tokens_response_is_a_malformed_command_and_no_sync_happens()
    {
        await using var server = await MdmTestServer.StartAsync();
        using var device = await TestDevices.EnrolledAsync(server);
        server.Enqueue(device.Facts.Udid, MdmCommands.DeclarativeManagement("""{"SyncTokens":{}}"""u8.ToArray()));

        var result = await device.RunCommandLoopAsync();

        Assert.Equal(CommandStatus.CommandFormatError, Assert.Single(result.Exchanges).Status);
        Assert.Empty(server.Declarative.Requests);
        Assert.Null(device.Declarative.DeclarationsToken);
    }

    [Fact]
    public async Task A_changed_declaration_is_the_only_one_fetched_again_and_an_omitted_one_is_removed()
    {
        await using var server = await MdmTestServer.StartAsync();
        using var device = await TestDevices.EnrolledAsync(server);
        server.Declarative.Put(Always, "act", """{"StandardConfigurations":["one","two"]}""");
        server.Declarative.Put(Test, "one", """{"Echo":"one"}""");
        server.Declarative.Put(Test, "two", """{"Echo":"two"}""");
        server.Declarative.Put(Test, "three", """{"Echo":"three"}""");
        await device.SyncDeclarationsAsync();
        var firstToken = device.Declarative.DeclarationsToken;
        while (server.Declarative.Requests.TryDequeue(out _))
        {
        }

        var changed = server.Declarative.Put(Test, "two", """{"Echo":"two, changed"}""");
        server.Declarative.Remove("three");
        var result = await device.SyncDeclarationsAsync();

        Assert.Equal(["tokens", "declaration-items", "declaration/configuration/two", "status"], server.Declarative.Endpoints);
        Assert.Equal(["two"], result.Fetched);
        Assert.Equal(["three"], result.Removed);
        Assert.Equal(["act", "one", "two"], device.Declarative.Declarations.Keys.Order());
        Assert.Equal(changed.ServerToken, device.Declarative.Declarations["two"].ServerToken);
        Assert.NotEqual(firstToken, device.Declarative.DeclarationsToken);
    }

    [Fact]
    public async Task Nothing_changed_means_one_tokens_request_and_no_report()
    {
        await using var server = await MdmTestServer.StartAsync();
        using var device = await TestDevices.EnrolledAsync(server);
        server.Declarative.Put(Always, "act", """{"StandardConfigurations":[]}""");
        await device.SyncDeclarationsAsync();

        var result = await device.SyncDeclarationsAsync();

        Assert.Null(result.Report);
        Assert.Empty(result.Fetched);
        Assert.Equal(["tokens", "declaration-items", "declaration/activation/act", "status", "tokens"], server.Declarative.Endpoints);
    }

    [Fact]
    public async Task A_declaration_the_server_will_not_serve_fails_the_sync_and_keeps_the_old_token()
    {
        await using var server = await MdmTestServer.StartAsync();
        using var device = await TestDevices.EnrolledAsync(server);
        server.Declarative.Put(Always, "act", """{"StandardConfigurations":[]}""");
        await device.SyncDeclarationsAsync();
        var token = device.Declarative.DeclarationsToken;
        server.Declarative.Put(Test, "withheld", """{"Echo":"x"}""");
        server.Declarative.Withhold("withheld");

        var failure = await Assert.ThrowsAsync<Transport.MdmServerException>(() => device.SyncDeclarationsAsync());

        Assert.Equal(System.Net.HttpStatusCode.NotFound, failure.StatusCode);
        Assert.Equal(token, device.Declarative.DeclarationsToken);
    }

    [Theory]
    [InlineData("tokens")]
    [InlineData("declaration-items")]
    [InlineData("declaration/configuration/com.example.passcode")]
    [InlineData("status")]
    public void The_DDM_check_ins_fit_Apples_schema(string endpoint)
    {
        var facts = Hardware.DeviceFactsGenerator.Generate(new SimulatedDeviceOptions { TenantUrl = new Uri("https://127.0.0.1/t/test") });

        SchemaAssert.ValidCheckIn(Protocol.CheckInMessages.DeclarativeManagement(facts, endpoint, endpoint == "status" ? "{}"u8.ToArray() : null), facts.Platform);
    }
}
