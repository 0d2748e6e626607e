using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Tenants;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Api.Audit;

/// <summary>
/// ListAuditEntries as a query: filters, then newest first (arrival time, then id) with an opaque keyset cursor, so a
/// page costs the same however deep it is and entries added meanwhile never shift a page.
/// </summary>
public static class AuditEntryQuery
{
    public static IQueryable<AuditEntryEntity> Apply(IQueryable<AuditEntryEntity> entries, ListAuditEntriesRequest request)
    {
        if (TextFilter.Read(request.Actor, "actor") is { } actor)
        {
            entries = Guid.TryParse(actor, out var actorId)
                ? entries.Where(e => e.ActorId == actorId || e.ActorName == actor)
                : entries.Where(e => e.ActorName == actor);
        }

        if (TextFilter.Read(request.Method, "method") is { } method)
        {
            var methods = AuditedMethods.Named(method);
            if (methods.Count == 0)
            {
                throw new InvalidArgumentException("method must be an RPC's full path (\"/saasmdm.v1.Commands/EnqueueCommand\") or the name of a state-changing RPC of the API.");
            }

            entries = entries.Where(e => methods.Contains(e.Method));
        }

        var ok = AuditOutcome.Ok.Name;
        entries = request.Outcome switch
        {
            AuditOutcomeFilter.Any => entries,
            AuditOutcomeFilter.Ok => entries.Where(e => e.Outcome == ok),
            AuditOutcomeFilter.Failed => entries.Where(e => e.Outcome != ok),
            _ => throw new InvalidArgumentException("outcome must be AUDIT_OUTCOME_FILTER_ANY, _OK or _FAILED."),
        };

        if (TextFilter.Read(request.TargetContains, "target_contains") is { } text)
        {
            // lower() on both sides: Unicode-aware on PostgreSQL and, through SqliteUnicodeLower, on SQLite too.
            var lower = text.ToLowerInvariant();
            entries = entries.Where(e => e.Target.ToLower().Contains(lower));
        }

        var start = request.StartTime is { } startTime ? ApiTimestamps.Read(startTime, "start_time") : (DateTime?)null;
        var end = request.EndTime is { } endTime ? ApiTimestamps.Read(endTime, "end_time") : (DateTime?)null;
        if (start >= end)
        {
            throw new InvalidArgumentException("start_time must be before end_time.");
        }

        if (start is { } from)
        {
            entries = entries.Where(e => e.OccurredAt >= from);
        }

        if (end is { } until)
        {
            entries = entries.Where(e => e.OccurredAt < until);
        }

        if (TimeKeyPageToken.Read(request.PageToken) is { } cursor)
        {
            var occurredAt = cursor.Time;
            var id = Guid.TryParseExact(cursor.Key, "D", out var parsed) ? parsed : throw PageToken.NotIssued();
            entries = entries.Where(e => e.OccurredAt < occurredAt || (e.OccurredAt == occurredAt && e.Id.CompareTo(id) < 0));
        }

        return entries.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id);
    }

    public static string NextPageToken(AuditEntryEntity last) => TimeKeyPageToken.Create(last.OccurredAt, last.Id.ToString("D"));
}
