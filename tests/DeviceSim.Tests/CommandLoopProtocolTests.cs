using System.Net;
using System.Text;
using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Plist;
using SaaSMdm.DeviceSim.Commands;
using SaaSMdm.DeviceSim.Hardware;
using SaaSMdm.DeviceSim.Transport;

namespace SaaSMdm.DeviceSim.Tests;

/// <summary>The command loop against scripted server answers that no well-behaved server gives.</summary>
public sealed class CommandLoopProtocolTests
{
    private readonly DeviceState _device = new(DeviceFactsGenerator.Generate(new SimulatedDeviceOptions { TenantUrl = new Uri("https://mdm.example.com/t/x") }));

    [Fact]
    public async Task An_answer_that_is_not_a_plist_ends_the_loop_as_unreadable()
    {
        var (result, sent) = await RunAsync(new DeviceBehavior(), Ok("not a plist"u8.ToArray()));

        Assert.Equal(CommandLoopEnd.UnreadableCommand, result.End);
        Assert.Empty(result.Exchanges);
        Assert.Single(sent);
    }

    [Fact]
    public async Task A_command_without_a_RequestType_is_answered_CommandFormatError()
    {
        var broken = PlistWriter.WriteXml(new PlistDictionary().Add("CommandUUID", "C-1").Add("Command", new PlistDictionary()));
        var (result, sent) = await RunAsync(new DeviceBehavior(), Ok(broken), Ok([]));

        var exchange = Assert.Single(result.Exchanges);
        Assert.Equal(CommandStatus.CommandFormatError, exchange.Status);
        Assert.Null(exchange.RequestType);
        var report = CommandReport.Parse(PlistReader.Read(sent[1]));
        Assert.Equal("C-1", report.CommandUuid);
        Assert.Single(report.ErrorChain);
        Assert.Equal(CommandLoopEnd.Drained, result.End);
    }

    [Fact]
    public async Task A_command_with_a_wrongly_typed_key_is_answered_CommandFormatError()
    {
        var command = new CommandRequest("C-2", "DeviceInformation", new PlistDictionary().Add("Queries", "DeviceName"));
        var (result, _) = await RunAsync(new DeviceBehavior(), Ok(command.ToXml()), Ok([]));

        Assert.Equal(CommandStatus.CommandFormatError, Assert.Single(result.Exchanges).Status);
    }

    [Fact]
    public async Task An_http_error_ends_the_loop_with_its_status()
    {
        var (result, _) = await RunAsync(new DeviceBehavior(), new DeviceHttpResponse(HttpStatusCode.ServiceUnavailable, [], null));

        Assert.Equal(CommandLoopEnd.ServerRefused, result.End);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, result.FinalStatusCode);
    }

    [Fact]
    public async Task A_server_that_resends_a_NotNow_command_in_the_same_connection_cannot_spin_the_device_forever()
    {
        var command = MdmCommands.SecurityInfo().ToXml();
        var behavior = new DeviceBehavior { NotNowRequestTypes = new HashSet<string> { "SecurityInfo" }, MaxCommandsPerConnection = 5 };
        var (result, sent) = await RunAsync(behavior, Enumerable.Repeat(Ok(command), 10).ToArray());

        Assert.Equal(CommandLoopEnd.TooManyCommands, result.End);
        Assert.Equal(5, result.Exchanges.Count);
        Assert.Equal(6, sent.Count);
    }

    [Fact]
    public async Task Each_malformed_kind_produces_a_body_the_protocol_rejects()
    {
        foreach (var kind in Enum.GetValues<MalformedReport>())
        {
            var behavior = new DeviceBehavior { MalformedRequestTypes = new HashSet<string> { "SecurityInfo" }, MalformedReport = kind };
            var (_, sent) = await RunAsync(behavior, Ok(MdmCommands.SecurityInfo().ToXml()), Ok([]));

            Assert.ThrowsAny<Exception>(() => CommandReport.Parse(PlistReader.Read(sent[1])));
        }
    }

    [Fact]
    public async Task The_device_takes_its_time_before_reporting_when_told_to()
    {
        var started = DateTimeOffset.UtcNow;
        await RunAsync(new DeviceBehavior { ResponseDelay = TimeSpan.FromMilliseconds(200) }, Ok(MdmCommands.SecurityInfo().ToXml()), Ok([]));

        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromMilliseconds(190));
    }

    private async Task<(CommandLoopResult Result, List<byte[]> Sent)> RunAsync(DeviceBehavior behavior, params DeviceHttpResponse[] answers)
    {
        var sent = new List<byte[]>();
        var next = 0;
        var loop = new CommandLoop(_device, CommandResponders.Default, behavior, (body, _) =>
        {
            sent.Add(body);
            return Task.FromResult(answers[Math.Min(next++, answers.Length - 1)]);
        });
        return (await loop.RunAsync(CancellationToken.None), sent);
    }

    private static DeviceHttpResponse Ok(byte[] body) => new(HttpStatusCode.OK, body, "application/xml");
}
