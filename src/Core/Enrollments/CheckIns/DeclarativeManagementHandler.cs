using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using SaaSMdm.Apple.Ddm;
using SaaSMdm.Apple.Mdm;
using SaaSMdm.Contracts.Internal.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Declarations;
using SaaSMdm.Core.Declarations.Status;

namespace SaaSMdm.Core.Enrollments.CheckIns;

/// <summary>
/// DeclarativeManagement: the device's side of DDM, per enrollment channel. <c>tokens</c> and
/// <c>declaration-items</c> describe the channel's effective declarations, <c>declaration/…</c> serves one of
/// them (only if it is effective for the channel), and <c>status</c> takes a status report. A malformed endpoint
/// or report is answered 400 and changes nothing.
/// </summary>
public sealed partial class DeclarativeManagementHandler(
    CoreDbContext db,
    BoundEnrollments enrollments,
    EffectiveDeclarations effective,
    StatusIngestion status,
    TimeProvider clock,
    ILogger<DeclarativeManagementHandler> logger) : CheckInHandler<DeclarativeManagementCheckIn>
{
    private const string JsonContentType = "application/json";

    public override string MessageType => DeclarativeManagementCheckIn.Type;

    protected override async Task<CheckInOutcome> HandleAsync(DeclarativeManagementCheckIn message, DeviceCertificate certificate, CancellationToken cancellationToken)
    {
        var channel = (await enrollments.ChannelAsync(message.Channel, certificate, cancellationToken)).Channel;
        try
        {
            var endpoint = DeclarativeManagementEndpoint.Parse(message.Endpoint);
            return new CheckInOutcome(await AnswerAsync(endpoint, channel, message.Data, cancellationToken), channel);
        }
        catch (DdmFormatException e)
        {
            LogRefused(logger, channel.ChannelId, e.Message);
            return new CheckInOutcome(DeviceReplies.Text(400, e.Message), channel);
        }
    }

    private async Task<DeviceResponse> AnswerAsync(
        DeclarativeManagementEndpoint endpoint, EnrollmentEntity channel, ReadOnlyMemory<byte>? data, CancellationToken cancellationToken)
    {
        if (endpoint.Kind == DeclarativeManagementEndpointKind.Status)
        {
            await status.IngestAsync(channel, data, cancellationToken);
            return DeviceReplies.Empty();
        }

        var declarations = await effective.ForChannelAsync(channel, cancellationToken);
        switch (endpoint.Kind)
        {
            case DeclarativeManagementEndpointKind.Tokens:
                var changedAt = await RecordTokenAsync(channel, declarations.DeclarationsToken, cancellationToken);
                return Json(new TokensResponse(new SyncTokens(declarations.DeclarationsToken, new DateTimeOffset(changedAt, TimeSpan.Zero))).ToJson());
            case DeclarativeManagementEndpointKind.DeclarationItems:
                await RecordTokenAsync(channel, declarations.DeclarationsToken, cancellationToken);
                return Json(declarations.Items.ToJson());
            default:
                return declarations.Find(endpoint.Category!.Value, endpoint.Identifier!) is { } declaration
                    ? Json(declaration.ToJson())
                    : DeviceReplies.Text(404, $"No {endpoint.Category.Value.PathName()} '{endpoint.Identifier}' is assigned to this enrollment.");
        }
    }

    /// <summary>
    /// The time the channel's token last changed: stored when a token is first served or differs from the one
    /// stored, so the SyncTokens Timestamp stays the same across requests and restarts.
    /// </summary>
    private async Task<DateTime> RecordTokenAsync(EnrollmentEntity channel, string token, CancellationToken cancellationToken)
    {
        // Usually the token is the one stored: read just it, not the row with its status tree (megabytes at worst).
        var stored = await db.DeclarativeStates.AsNoTracking()
            .Where(s => s.EnrollmentId == channel.Id)
            .Select(s => new { s.DeclarationsToken, s.TokenChangedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (stored is { TokenChangedAt: { } unchangedSince } && stored.DeclarationsToken == token)
        {
            return unchangedSince;
        }

        var now = StoredTime.UtcNow(clock);
        if (stored is not null)
        {
            // A changed token (an assignment change reaches a whole fleet at once) updates two columns in place.
            await db.DeclarativeStates.Where(s => s.EnrollmentId == channel.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.DeclarationsToken, token).SetProperty(s => s.TokenChangedAt, now), cancellationToken);
            return now;
        }

        var state = await db.DeclarativeStates.FindOrAddAsync(channel, cancellationToken);
        state.RecordToken(token, now);
        await db.SaveChangesAsync(cancellationToken);
        return state.TokenChangedAt!.Value;
    }

    private static DeviceResponse Json(byte[] json) => new() { HttpStatus = 200, ContentType = JsonContentType, Body = ByteString.CopyFrom(json) };

    [LoggerMessage(Level = LogLevel.Information, Message = "DeclarativeManagement request of {ChannelId} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string channelId, string reason);
}
