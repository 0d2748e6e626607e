using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Plist;
using SaaSMdm.DeviceSim.Protocol;
using SaaSMdm.DeviceSim.Transport;

namespace SaaSMdm.DeviceSim.Commands;

/// <summary>
/// A device's connection to the server URL: it reports Idle, then answers each command it is given until the server
/// answers with an empty body. <see cref="DeviceBehavior"/> decides NotNow, Error and malformed answers; the
/// responders do the rest. Deliveries per command are counted across loops, as NotNow-for-the-first-N needs.
/// </summary>
internal sealed class CommandLoop(
    DeviceState device, CommandResponders responders, DeviceBehavior behavior, Func<byte[], CancellationToken, Task<DeviceHttpResponse>> connect)
{
    private readonly Dictionary<string, int> _notNowDeliveries = new(StringComparer.Ordinal);

    public async Task<CommandLoopResult> RunAsync(CancellationToken cancellationToken)
    {
        var exchanges = new List<CommandExchange>();
        var body = PlistWriter.WriteXml(CommandReports.Idle(device.Facts));
        while (true)
        {
            var reply = await connect(body, cancellationToken).ConfigureAwait(false);
            if (!reply.IsSuccess)
            {
                return new CommandLoopResult(exchanges, CommandLoopEnd.ServerRefused, reply.StatusCode);
            }

            if (reply.IsEmpty)
            {
                return new CommandLoopResult(exchanges, CommandLoopEnd.Drained, reply.StatusCode);
            }

            if (exchanges.Count >= behavior.MaxCommandsPerConnection)
            {
                return new CommandLoopResult(exchanges, CommandLoopEnd.TooManyCommands, reply.StatusCode);
            }

            if (ReadCommand(reply.Body) is not { } received)
            {
                return new CommandLoopResult(exchanges, CommandLoopEnd.UnreadableCommand, reply.StatusCode);
            }

            var (commandUuid, command) = received;
            var response = command is null ? CommandResponse.FormatError("The command could not be read.") : Answer(command);
            if (behavior.ResponseDelay > TimeSpan.Zero)
            {
                await Task.Delay(behavior.ResponseDelay, cancellationToken).ConfigureAwait(false);
            }

            var report = CommandReports.For(device.Facts, commandUuid, response);
            var malformed = command is not null && behavior.MalformedRequestTypes.Contains(command.RequestType);
            body = malformed ? CommandReports.Malformed(behavior.MalformedReport, device.Facts, commandUuid) : PlistWriter.WriteXml(report);
            exchanges.Add(new CommandExchange(commandUuid, command?.RequestType, response.Status, report, malformed));
            if (response.DeviceGoesAway)
            {
                var last = await connect(body, cancellationToken).ConfigureAwait(false);
                return new CommandLoopResult(exchanges, CommandLoopEnd.DeviceWentAway, last.StatusCode);
            }
        }
    }

    private CommandResponse Answer(CommandRequest command)
    {
        var deliveries = _notNowDeliveries.GetValueOrDefault(command.CommandUuid) + 1;
        if (behavior.NotNowRequestTypes.Contains(command.RequestType) || deliveries <= behavior.NotNowFirstDeliveries)
        {
            _notNowDeliveries[command.CommandUuid] = deliveries;
            return CommandResponse.NotNow();
        }

        _notNowDeliveries.Remove(command.CommandUuid);
        return behavior.ErrorRequestTypes.Contains(command.RequestType)
            ? CommandResponse.Error(12000, "MCMDMErrorDomain", $"The {command.RequestType} command failed on the device.")
            : responders.Respond(command, device);
    }

    /// <summary>The command, or only its UUID when the rest is unreadable (answered CommandFormatError); null without a UUID.</summary>
    private static (string CommandUuid, CommandRequest? Command)? ReadCommand(byte[] body)
    {
        PlistValue plist;
        try
        {
            plist = PlistReader.Read(body);
        }
        catch (PlistFormatException)
        {
            return null;
        }

        try
        {
            var command = CommandRequest.Parse(plist);
            return (command.CommandUuid, command);
        }
        catch (Exception e) when (e is MdmMessageFormatException or ArgumentException)
        {
            return plist is PlistDictionary dictionary && dictionary.TryGetValue("CommandUUID", out var uuid) && uuid is PlistString { Value.Length: > 0 } text
                ? (text.Value, null)
                : null;
        }
    }
}
