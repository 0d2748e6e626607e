using System.Globalization;
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
    private const int MaxFilterLength = 256;

    public static IQueryable<AuditEntryEntity> Apply(IQueryable<AuditEntryEntity> entries, ListAuditEntriesRequest request)
    {
        if (Filter(request.Actor, "actor") is { } actor)
        {
            entries = Guid.TryParse(actor, out var actorId)
                ? entries.Where(e => e.ActorId == actorId || e.ActorName == actor)
                : entries.Where(e => e.ActorName == actor);
        }

        if (Filter(request.Method, "method") is { } method)
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

        if (Filter(request.TargetContains, "target_contains") is { } text)
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

        if (Cursor.Read(request.PageToken) is { } cursor)
        {
            entries = entries.Where(e => e.OccurredAt < cursor.OccurredAt || (e.OccurredAt == cursor.OccurredAt && e.Id.CompareTo(cursor.Id) < 0));
        }

        return entries.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id);
    }

    public static string NextPageToken(AuditEntryEntity last) => new Cursor(last.OccurredAt, last.Id).ToToken();

    private static string? Filter(string value, string field) => value.Length switch
    {
        0 => null,
        > MaxFilterLength => throw new InvalidArgumentException($"{field} has at most {MaxFilterLength} characters."),
        _ => value,
    };

    private sealed record Cursor(DateTime OccurredAt, Guid Id)
    {
        public string ToToken() => PageToken.Create(OccurredAt.Ticks.ToString(CultureInfo.InvariantCulture) + "|" + Id.ToString("D"));

        public static Cursor? Read(string token)
        {
            if (PageToken.Read(token) is not { } key)
            {
                return null;
            }

            var separator = key.IndexOf('|', StringComparison.Ordinal);
            return separator > 0
                && long.TryParse(key.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks <= DateTime.MaxValue.Ticks
                && Guid.TryParseExact(key.AsSpan(separator + 1), "D", out var id)
                ? new Cursor(new DateTime(ticks, DateTimeKind.Utc), id)
                : throw new InvalidArgumentException("page_token is not a token this API issued.");
        }
    }
}
