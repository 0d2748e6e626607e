using System.Globalization;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Tenants;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Api.Commands;

/// <summary>
/// A device's commands a page at a time: the queue in delivery order, then the answers newest first. The cursor
/// says which of the two it stopped in and where.
/// </summary>
public sealed class DeviceCommandHistory(CoreDbContext db)
{
    public async Task<ListDeviceCommandsResponse> ListAsync(Guid deviceId, int pageSize, string pageToken, CancellationToken cancellationToken)
    {
        var size = PageToken.Size(pageSize, defaultSize: 50, maxSize: 500);
        var cursor = Cursor.Read(pageToken);
        var response = new ListDeviceCommandsResponse();

        if (cursor is null or { InQueue: true })
        {
            var queued = await QueuedAsync(deviceId, cursor, size + 1, cancellationToken);
            if (queued.Count > size)
            {
                response.Commands.AddRange(queued.Take(size).Select(q => q.Message));
                response.NextPageToken = Cursor.AfterQueued(queued[size - 1]).ToToken();
                return response;
            }

            response.Commands.AddRange(queued.Select(q => q.Message));
            cursor = null;
        }

        var room = size - response.Commands.Count;
        var answered = await AnsweredAsync(deviceId, cursor, room + 1, cancellationToken);
        response.Commands.AddRange(answered.Take(room).Select(a => a.Message));
        if (answered.Count > room)
        {
            response.NextPageToken = (room == 0 ? Cursor.AnsweredStart : Cursor.AfterAnswered(answered[room - 1])).ToToken();
        }

        return response;
    }

    private async Task<List<QueuedRow>> QueuedAsync(Guid deviceId, Cursor? after, int limit, CancellationToken cancellationToken)
    {
        var queue = db.CommandQueue.AsNoTracking().Where(q => q.EnrollmentId == deviceId);
        if (after is { Sequence: var sequence, CommandId: { } commandId })
        {
            queue = queue.Where(q => q.Sequence > sequence || (q.Sequence == sequence && string.Compare(q.CommandId, commandId) > 0));
        }

        var rows = await queue
            .OrderBy(q => q.Sequence).ThenBy(q => q.CommandId)
            .Take(limit)
            .Select(q => new
            {
                q.CommandId,
                q.Sequence,
                q.Status,
                q.QueuedAt,
                RequestType = db.Commands.Where(c => c.Id == q.CommandId).Select(c => c.RequestType).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(row => new QueuedRow(row.Sequence, row.CommandId, new DeviceCommand
        {
            CommandUuid = row.CommandId,
            RequestType = row.RequestType ?? "",
            State = CommandResultReader.StateOf(row.Status),
            QueuedTime = ApiTimestamps.From(row.QueuedAt),
        })).ToList();
    }

    private async Task<List<AnsweredRow>> AnsweredAsync(Guid deviceId, Cursor? after, int limit, CancellationToken cancellationToken)
    {
        var results = db.CommandResults.AsNoTracking().Where(r => r.EnrollmentId == deviceId);
        if (after is { ReceivedAt: { } receivedAt, CommandId: { } commandId })
        {
            results = results.Where(r => r.ReceivedAt < receivedAt || (r.ReceivedAt == receivedAt && string.Compare(r.CommandId, commandId) < 0));
        }

        var rows = await results
            .OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.CommandId)
            .Take(limit)
            .Select(r => new
            {
                Result = r,
                Command = db.Commands.Where(c => c.Id == r.CommandId).Select(c => new { c.RequestType, c.CreatedAt }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(row =>
        {
            var (json, errors) = CommandResultReader.Read(row.Command?.RequestType, row.Result.Status, row.Result.ResultPlist);
            var message = new DeviceCommand
            {
                CommandUuid = row.Result.CommandId,
                RequestType = row.Command?.RequestType ?? "",
                State = CommandResultReader.StateOf(row.Result.Status),
                QueuedTime = ApiTimestamps.From(row.Command?.CreatedAt),
                ResultTime = ApiTimestamps.From(row.Result.ReceivedAt),
                ResultPlist = row.Result.ResultPlist is { } plist ? ByteString.CopyFrom(plist) : ByteString.Empty,
                ResultJson = json,
            };
            message.Errors.AddRange(errors);
            return new AnsweredRow(row.Result.ReceivedAt, row.Result.CommandId, message);
        }).ToList();
    }

    private sealed record QueuedRow(long Sequence, string CommandId, DeviceCommand Message);

    private sealed record AnsweredRow(DateTime ReceivedAt, string CommandId, DeviceCommand Message);

    /// <summary>Where a page stopped: in the queue after (sequence, command), or among the answers after (time, command).</summary>
    private sealed record Cursor(bool InQueue, long Sequence, DateTime? ReceivedAt, string? CommandId)
    {
        public static Cursor AnsweredStart { get; } = new(false, 0, null, null);

        public static Cursor AfterQueued(QueuedRow row) => new(true, row.Sequence, null, row.CommandId);

        public static Cursor AfterAnswered(AnsweredRow row) => new(false, 0, row.ReceivedAt, row.CommandId);

        public string ToToken() => PageToken.Create((InQueue, ReceivedAt) switch
        {
            (true, _) => $"q|{Sequence.ToString(CultureInfo.InvariantCulture)}|{CommandId}",
            (false, { } time) => $"r|{time.Ticks.ToString(CultureInfo.InvariantCulture)}|{CommandId}",
            _ => "r",
        });

        public static Cursor? Read(string token)
        {
            if (PageToken.Read(token) is not { } key)
            {
                return null;
            }

            var parts = key.Split('|', 3);
            return parts switch
            {
                ["r"] => AnsweredStart,
                ["q", var sequence, var commandId] when long.TryParse(sequence, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) =>
                    new Cursor(true, value, null, commandId),
                ["r", var ticks, var commandId] when long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= DateTime.MaxValue.Ticks =>
                    new Cursor(false, 0, new DateTime(value, DateTimeKind.Utc), commandId),
                _ => throw new InvalidArgumentException("page_token is not a token this API issued."),
            };
        }
    }
}
