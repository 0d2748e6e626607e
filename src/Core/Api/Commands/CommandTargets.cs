using Microsoft.EntityFrameworkCore;
using SaaSMdm.Contracts;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Api.Commands;

/// <summary>
/// The devices a request targets (an enqueue, a group's members, a set's assignments): every id must be a device of
/// the current tenant, enrolled where that matters, or nothing is done. Errors name a few offenders, not thousands.
/// </summary>
public sealed class CommandTargets(CoreDbContext db)
{
    public const int MaxTargets = 10_000;

    private const int NamedOffenders = 5;

    /// <returns>The distinct device ids, in request order.</returns>
    /// <exception cref="InvalidArgumentException">none, too many, or malformed ids.</exception>
    /// <exception cref="NotFoundException">an id is not a device of the tenant.</exception>
    /// <exception cref="FailedPreconditionException">a device is not enrolled.</exception>
    public Task<IReadOnlyList<Guid>> ResolveAsync(IReadOnlyList<string> deviceIds, CancellationToken cancellationToken) =>
        ResolveAsync(deviceIds, enrolledOnly: true, cancellationToken);

    /// <param name="enrolledOnly">
    /// Refuse devices that are not enrolled. Commands need that; group members and assignments do not: a pending
    /// device gets its declarations once it enrolls.
    /// </param>
    public async Task<IReadOnlyList<Guid>> ResolveAsync(IReadOnlyList<string> deviceIds, bool enrolledOnly, CancellationToken cancellationToken)
    {
        if (deviceIds.Count is 0 or > MaxTargets)
        {
            throw new InvalidArgumentException($"device_ids must name 1 to {MaxTargets:N0} devices; got {deviceIds.Count:N0}.");
        }

        var malformed = deviceIds.Where(id => !Guid.TryParse(id, out _)).ToList();
        if (malformed.Count > 0)
        {
            throw new InvalidArgumentException($"device_ids must be device ids (UUIDs); {Offenders(malformed.Select(id => CallerText.Shorten(id)), malformed.Count)} are not.");
        }

        var ids = deviceIds.Select(Guid.Parse).Distinct().ToList();
        // One query whatever the count: the ids travel as one array (json_each on SQLite, = ANY on PostgreSQL).
        var states = await db.Enrollments.AsNoTracking().Devices()
            .Where(e => EF.Parameter(ids).Contains(e.Id))
            .Select(e => new { e.Id, e.State })
            .ToDictionaryAsync(e => e.Id, e => e.State, cancellationToken);

        var unknown = ids.Where(id => !states.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new NotFoundException($"No device with id {Offenders(unknown.Select(id => id.ToString()), unknown.Count)}; nothing was done.");
        }

        var notEnrolled = enrolledOnly ? ids.Where(id => states[id] != EnrollmentState.Enrolled).ToList() : [];
        if (notEnrolled.Count > 0)
        {
            throw new FailedPreconditionException(
                $"Commands go to enrolled devices only; {Offenders(notEnrolled.Select(id => $"{id} ({states[id]})"), notEnrolled.Count)} are not. Nothing was queued.");
        }

        return ids;
    }

    private static string Offenders(IEnumerable<string> names, int count)
    {
        var named = string.Join(", ", names.Take(NamedOffenders).Select(name => $"'{name}'"));
        return count > NamedOffenders ? $"{named} and {count - NamedOffenders:N0} more" : named;
    }
}
