using SaaSMdm.Contracts.Internal.V1;
using SaaSMdm.Core.Enrollments.LastSeen;

namespace SaaSMdm.Core.Enrollments.CheckIns;

/// <summary>
/// The check-in channel: verifies the device's certificate for the tenant, reads the message and passes it to the
/// handler of its MessageType. An enrollment the tenant does not know is answered so that the device unenrolls.
/// </summary>
public sealed partial class CheckInProcessor(
    DeviceCertificateVerifier certificates,
    IEnumerable<ICheckInHandler> handlers,
    LastSeenRecorder lastSeen,
    ILogger<CheckInProcessor> logger)
{
    private readonly Dictionary<string, ICheckInHandler> _handlers = handlers.ToDictionary(handler => handler.MessageType, StringComparer.Ordinal);

    public async Task<DeviceResponse> HandleAsync(CheckInRequest request, CancellationToken cancellationToken)
    {
        var certificate = await certificates.VerifyAsync(request.Identity, cancellationToken);
        var message = DeviceMessages.ReadCheckIn(request.Plist, request.MessageType);
        try
        {
            var outcome = await _handlers[message.MessageType].HandleAsync(message, certificate, cancellationToken);
            lastSeen.Record(outcome.Seen);
            return outcome.Reply;
        }
        catch (UnrecognizedDeviceException e)
        {
            LogUnrecognized(logger, message.MessageType, e.ChannelId);
            return DeviceReplies.UnrecognizedDevice();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{MessageType} from unknown enrollment {ChannelId}: told to unenroll")]
    private static partial void LogUnrecognized(ILogger logger, string messageType, string channelId);
}
