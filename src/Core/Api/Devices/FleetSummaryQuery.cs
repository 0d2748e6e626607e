using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using EnrollmentState = SaaSMdm.Core.Data.Entities.EnrollmentState;

namespace SaaSMdm.Core.Api.Devices;

/// <summary>
/// GetFleetSummary: a handful of aggregate queries over the tenant's enrolled devices, each answered from an index
/// or one pass over the tenant's rows, so the summary stays cheap at a hundred thousand devices.
/// </summary>
public static class FleetSummaryQuery
{
    public const int OsVersionsShown = 25;
    public const int DaysShown = 30;

    public static async Task<FleetSummary> ReadAsync(CoreDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var enrolled = db.Enrollments.AsNoTracking().Devices().Where(e => e.State == EnrollmentState.Enrolled);
        var summary = new FleetSummary { ComputedTime = Timestamp.FromDateTime(now) };

        var platforms = await enrolled.GroupBy(e => e.Platform)
            .Select(g => new { Platform = g.Key, Devices = g.Count() })
            .ToListAsync(cancellationToken);
        summary.TotalDevices = platforms.Sum(p => p.Devices);
        summary.Platforms.AddRange(platforms.OrderByDescending(p => p.Devices).ThenBy(p => p.Platform)
            .Select(p => new PlatformCount { Platform = (Platform)p.Platform, Devices = p.Devices }));

        var versions = await enrolled.Where(e => e.OsVersion != null)
            .GroupBy(e => new { e.Platform, e.OsVersion })
            .Select(g => new { g.Key.Platform, g.Key.OsVersion, Devices = g.Count() })
            .OrderByDescending(v => v.Devices).ThenBy(v => v.Platform).ThenBy(v => v.OsVersion)
            .Take(OsVersionsShown)
            .ToListAsync(cancellationToken);
        summary.OsVersions.AddRange(versions.Select(v => new OsVersionCount { Platform = (Platform)v.Platform, OsVersion = v.OsVersion!, Devices = v.Devices }));

        summary.EnrolledPerDay.AddRange(await EnrolledPerDayAsync(enrolled, now, cancellationToken));
        summary.LastCheckIn = await CheckInAgesAsync(enrolled, now, cancellationToken);
        summary.DevicesWithFailingDeclarations = await WithFailingDeclarationsAsync(db, enrolled, cancellationToken);
        await PendingCommandsAsync(db, enrolled, summary, cancellationToken);
        return summary;
    }

    private static async Task<IEnumerable<DayCount>> EnrolledPerDayAsync(IQueryable<EnrollmentEntity> enrolled, DateTime now, CancellationToken cancellationToken)
    {
        var firstDay = now.Date.AddDays(1 - DaysShown);
        // Grouped here rather than in SQL: truncating a time to its date is spelled differently on each provider,
        // and a month of enrollments is a small read.
        var times = await enrolled.Where(e => e.EnrolledAt >= firstDay).Select(e => e.EnrolledAt!.Value).ToListAsync(cancellationToken);
        var perDay = times.GroupBy(t => t.Date).ToDictionary(g => g.Key, g => g.Count());
        return Enumerable.Range(0, DaysShown).Select(offset => firstDay.AddDays(offset)).Select(day => new DayCount
        {
            Date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Devices = perDay.GetValueOrDefault(day),
        });
    }

    private static async Task<CheckInAges> CheckInAgesAsync(IQueryable<EnrollmentEntity> enrolled, DateTime now, CancellationToken cancellationToken)
    {
        var dayAgo = now.AddDays(-1);
        var weekAgo = now.AddDays(-7);
        var monthAgo = now.AddDays(-30);
        var ages = await enrolled.GroupBy(_ => 1).Select(g => new
        {
            Under1Day = g.Count(e => e.LastSeenAt >= dayAgo),
            From1To7Days = g.Count(e => e.LastSeenAt < dayAgo && e.LastSeenAt >= weekAgo),
            From7To30Days = g.Count(e => e.LastSeenAt < weekAgo && e.LastSeenAt >= monthAgo),
            Over30Days = g.Count(e => e.LastSeenAt < monthAgo),
            Never = g.Count(e => e.LastSeenAt == null),
        }).FirstOrDefaultAsync(cancellationToken);
        return ages is null ? new CheckInAges() : new CheckInAges
        {
            Under1Day = ages.Under1Day,
            From1To7Days = ages.From1To7Days,
            From7To30Days = ages.From7To30Days,
            Over30Days = ages.Over30Days,
            Never = ages.Never,
        };
    }

    /// <summary>
    /// A declaration fails when the device's latest report calls it invalid or gives an <c>Error.</c> reason (the test
    /// of DeclarationOutcomes, without its check of the current server token: the summary counts what was reported).
    /// </summary>
    private static Task<int> WithFailingDeclarationsAsync(CoreDbContext db, IQueryable<EnrollmentEntity> enrolled, CancellationToken cancellationToken)
    {
        var failing = db.DeclarationStatuses.AsNoTracking().Where(s => s.Valid == "invalid" || s.ReasonsJson!.Contains("\"Error."));
        return DevicesOf(db, failing.Select(s => s.EnrollmentId), enrolled).Distinct().CountAsync(cancellationToken);
    }

    private static async Task PendingCommandsAsync(CoreDbContext db, IQueryable<EnrollmentEntity> enrolled, FleetSummary summary, CancellationToken cancellationToken)
    {
        var devices = DevicesOf(db, db.CommandQueue.AsNoTracking().Select(q => q.EnrollmentId), enrolled);
        var pending = await devices.GroupBy(_ => 1)
            .Select(g => new { Commands = g.Count(), Devices = g.Distinct().Count() })
            .FirstOrDefaultAsync(cancellationToken);
        summary.PendingCommands = pending?.Commands ?? 0;
        summary.DevicesWithPendingCommands = pending?.Devices ?? 0;
    }

    /// <summary>
    /// For each channel id, its enrolled device's id (the channel's own, or its parent's for a user channel); channels
    /// of devices that are not enrolled drop out. Correlated lookups by primary key rather than joins: they make every
    /// planner start from the channels, so the cost follows the channels, not the fleet (SQLite, without statistics,
    /// otherwise walks all of a tenant's enrollments first: 0.9 s instead of 60 ms at 100,000 devices).
    /// </summary>
    private static IQueryable<Guid> DevicesOf(CoreDbContext db, IQueryable<Guid> channelIds, IQueryable<EnrollmentEntity> enrolled) =>
        channelIds
            .Select(channelId => db.Enrollments.AsNoTracking().Where(channel => channel.Id == channelId).Select(channel => channel.ParentId ?? channel.Id).FirstOrDefault())
            .Where(deviceId => enrolled.Any(device => device.Id == deviceId));
}
