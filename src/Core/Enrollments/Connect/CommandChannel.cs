using SaaSMdm.Apple.Mdm;
using SaaSMdm.Contracts.Internal.V1;
using SaaSMdm.Core.Commands;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Enrollments.LastSeen;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Enrollments.Connect;

/// <summary>
/// The command channel: the device reports on its last command (or Idle) and gets the next one. After NotNow the
/// commands it postponed are skipped until it next reports Idle, as Apple's protocol expects.
/// </summary>
public sealed partial class CommandChannel(
    DeviceCertificateVerifier certificates,
    BoundEnrollments enrollments,
    CommandReports reports,
    ICommandQueue queue,
    LastSeenRecorder lastSeen,
    ILogger<CommandChannel> logger)
{
    public async Task<DeviceResponse> HandleAsync(ConnectRequest request, CancellationToken cancellationToken)
    {
        var certificate = await certificates.VerifyAsync(request.Identity, cancellationToken);
        var report = DeviceMessages.ReadReport(request.Plist);
        ChannelEnrollment enrollment;
        try
        {
            enrollment = await enrollments.ChannelAsync(report.Channel, certificate, cancellationToken);
        }
        catch (UnrecognizedDeviceException e)
        {
            LogUnrecognized(logger, e.ChannelId);
            return DeviceReplies.UnrecognizedDevice();
        }

        if (enrollment.Channel.State != EnrollmentState.Enrolled)
        {
            throw new PermissionDeniedException($"Enrollment '{enrollment.Channel.ChannelId}' is not complete: its first TokenUpdate has not arrived.");
        }

        await reports.RecordAsync(enrollment, report, request.Plist.ToByteArray(), cancellationToken);
        var next = await queue.NextAsync(enrollment.Channel.Id, includeNotNow: report.Status == CommandStatus.Idle, cancellationToken);
        lastSeen.Record(enrollment.Channel);
        return next is null ? DeviceReplies.Empty() : DeviceReplies.Plist(next.Plist);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Report from unknown enrollment {ChannelId}: told to unenroll")]
    private static partial void LogUnrecognized(ILogger logger, string channelId);
}
