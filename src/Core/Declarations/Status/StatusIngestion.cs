using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SaaSMdm.Apple.Ddm;
using SaaSMdm.Apple.Schema;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Events;

namespace SaaSMdm.Core.Declarations.Status;

/// <summary>
/// Takes a status report of an enrollment channel: keeps it raw, merges it into the channel's status tree,
/// updates the per-declaration rows and the reported errors, and when the device's client capabilities change,
/// re-syncs the channel so that it gets exactly the declarations it can take.
/// </summary>
public sealed partial class StatusIngestion(
    CoreDbContext db,
    DeclarationSync sync,
    IOptions<DeclarativeStatusOptions> options,
    TimeProvider clock,
    ILogger<StatusIngestion> logger)
{
    /// <summary>How many maximal reports the merged tree of a channel may hold.</summary>
    private const int MergedTreeReports = 4;

    /// <summary>
    /// declaration.status_changed events one report may cause: a device flipping thousands of statuses per report
    /// would otherwise decide how many event rows (and webhook deliveries) Core writes.
    /// </summary>
    private const int MaxStatusEventsPerReport = 100;

    private static readonly StatusItemValidator Validator = new(options: SchemaValidationOptions.AllowingUnknownKeys);

    /// <exception cref="DdmFormatException">not a status report, or one whose declaration status is malformed; nothing is stored.</exception>
    public async Task IngestAsync(EnrollmentEntity channel, ReadOnlyMemory<byte>? data, CancellationToken cancellationToken)
    {
        var (report, declarations, capabilities) = Read(data);
        LogSchemaProblems(channel, report);
        var now = StoredTime.UtcNow(clock);

        var state = await db.DeclarativeStates.FindOrAddAsync(channel, cancellationToken);

        state.StatusJson = StatusTree.Apply(StatusTree.Parse(state.StatusJson), report).ToJsonString();
        if (state.StatusJson.Length > MergedTreeReports * options.Value.MaxReportBytes)
        {
            // Incremental reports can only add so much: a tree this large is a device piling up array elements.
            throw new DdmFormatException($"The merged status would exceed {MergedTreeReports} times the largest report accepted; the report is refused.");
        }
        state.StatusUpdatedAt = now;
        if (report.FullReport)
        {
            state.LastFullReportAt = now;
        }

        if (report.Errors.Count > 0 || report.FullReport)
        {
            state.ErrorsJson = report.Errors.Count > 0 ? ErrorsJson(report) : null;
        }

        var capabilitiesChanged = capabilities is not null && capabilities != state.ClientCapabilitiesJson;
        if (capabilitiesChanged)
        {
            state.ClientCapabilitiesJson = capabilities;
        }

        await UpdateDeclarationRowsAsync(channel, declarations, report.FullReport, now, cancellationToken);
        db.StatusReports.Add(new StatusReportEntity
        {
            Id = Guid.CreateVersion7(),
            TenantId = channel.TenantId,
            EnrollmentId = channel.Id,
            ReportJson = data!.Value.ToArray(),
            FullReport = report.FullReport,
            ReceivedAt = now,
        });
        EventLog.Append(db, EventTypes.StatusReportReceived, channel.TenantId, now, EventData.StatusReport(report.FullReport, declarations.Statuses.Count), channel);
        await db.SaveChangesAsync(cancellationToken);

        if (capabilitiesChanged)
        {
            LogCapabilitiesChanged(logger, channel.ChannelId);
            await sync.SyncChannelAsync(channel, force: false, cancellationToken);
        }
    }

    private (StatusReport Report, ReportedDeclarations Declarations, string? Capabilities) Read(ReadOnlyMemory<byte>? data)
    {
        if (data is not { Length: > 0 } json)
        {
            throw new DdmFormatException("The status endpoint needs the report in Data.");
        }

        var limit = options.Value.MaxReportBytes;
        if (json.Length > limit)
        {
            throw new DdmFormatException($"The status report has {json.Length} bytes; at most {limit} are accepted.");
        }

        var report = StatusReport.Parse(json.Span);
        return (report, ReportedDeclarations.From(report), CapabilitiesJson(report));
    }

    /// <summary>The capabilities item as canonical JSON, so an unchanged value compares equal whatever its key order.</summary>
    private static string? CapabilitiesJson(StatusReport report)
    {
        if (!report.StatusItems.TryGetProperty("management", out var management)
            || management.ValueKind != JsonValueKind.Object
            || !management.TryGetProperty("client-capabilities", out var capabilities))
        {
            return null;
        }

        return capabilities.ValueKind == JsonValueKind.Object
            ? System.Text.Encoding.UTF8.GetString(CanonicalJson.Serialize(capabilities))
            : throw new DdmFormatException("management.client-capabilities must be an object.");
    }

    private static string ErrorsJson(StatusReport report)
    {
        using var document = JsonDocument.Parse(report.ToJson());
        return document.RootElement.GetProperty("Errors").GetRawText();
    }

    private async Task UpdateDeclarationRowsAsync(
        EnrollmentEntity channel, ReportedDeclarations reported, bool fullReport, DateTime now, CancellationToken cancellationToken)
    {
        if (!reported.Present)
        {
            return;
        }

        var rows = await db.DeclarationStatuses.Where(s => s.EnrollmentId == channel.Id).ToDictionaryAsync(s => s.Identifier, StringComparer.Ordinal, cancellationToken);
        var gone = fullReport
            ? rows.Keys.Except(reported.Statuses.Select(s => s.Identifier), StringComparer.Ordinal).ToList()
            : reported.Removed;
        foreach (var identifier in gone.Distinct(StringComparer.Ordinal))
        {
            if (rows.Remove(identifier, out var row))
            {
                db.DeclarationStatuses.Remove(row);
            }
        }

        var statusEvents = 0;
        foreach (var status in reported.Statuses)
        {
            rows.TryGetValue(status.Identifier, out var row);
            if ((row is null || row.Active != status.Active || row.Valid != status.Valid) && statusEvents++ < MaxStatusEventsPerReport)
            {
                EventLog.Append(db, EventTypes.DeclarationStatusChanged, channel.TenantId, now, EventData.DeclarationStatus(status, row?.Active, row?.Valid), channel);
            }

            if (row is null)
            {
                row = new DeclarationStatusEntity
                {
                    EnrollmentId = channel.Id,
                    TenantId = channel.TenantId,
                    Identifier = status.Identifier,
                    Category = status.Category,
                    Valid = status.Valid,
                    ServerToken = status.ServerToken,
                };
                db.DeclarationStatuses.Add(row);
                rows[status.Identifier] = row;
            }

            row.Category = status.Category;
            row.ServerToken = status.ServerToken;
            row.Active = status.Active;
            row.Valid = status.Valid;
            row.ReasonsJson = status.ReasonsJson;
            row.ReportedAt = now;
        }
    }

    private void LogSchemaProblems(EnrollmentEntity channel, StatusReport report)
    {
        if (!logger.IsEnabled(LogLevel.Debug))
        {
            return;
        }

        var problems = Validator.Validate(report).Problems;
        if (problems.Count > 0)
        {
            LogOffSchema(logger, channel.ChannelId, problems.Count, string.Join("; ", problems.Take(5)));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Enrollment {ChannelId} reported new client capabilities; its declarations are re-synced")]
    private static partial void LogCapabilitiesChanged(ILogger logger, string channelId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Status report of {ChannelId} has {Count} items off Apple's schema (kept as reported): {Problems}")]
    private static partial void LogOffSchema(ILogger logger, string channelId, int count, string problems);
}
