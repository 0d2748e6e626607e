using SaaSMdm.Contracts.V1;

namespace SaaSMdm.Portal.Dashboard;

/// <summary>What the dashboard shows of a fleet summary and the push certificate, in the shapes its charts draw.</summary>
public sealed record DashboardView(FleetSummary Fleet, PushCertificateState Push)
{
    public int CheckedInToday => Fleet.LastCheckIn?.Under1Day ?? 0;

    /// <summary>The bars of a chart: a label, a count, the share of the largest (0–100) and where the bar leads.</summary>
    public sealed record Bar(string Label, int Count, double Percent, string? Link);

    public IReadOnlyList<Bar> Platforms(Func<string, string> devicesLink) => Bars(
        Fleet.Platforms.OrderByDescending(p => p.Devices).Select(p => (PlatformNames.Of(p.Platform), p.Devices, (string?)devicesLink("platform=" + PlatformNames.QueryValue(p.Platform)))));

    public IReadOnlyList<Bar> OsVersions(Func<string, string> devicesLink) => Bars(
        Fleet.OsVersions.Select(v => ($"{PlatformNames.Of(v.Platform)} {v.OsVersion}", v.Devices,
            (string?)devicesLink($"platform={PlatformNames.QueryValue(v.Platform)}&os={Uri.EscapeDataString(v.OsVersion)}"))));

    public IReadOnlyList<Bar> CheckInAges(Func<string, string> devicesLink)
    {
        var ages = Fleet.LastCheckIn ?? new CheckInAges();
        return Bars(
        [
            ("Within a day", ages.Under1Day, null),
            ("1–7 days ago", ages.From1To7Days, null),
            ("7–30 days ago", ages.From7To30Days, devicesLink("seen=7d")),
            ("Over 30 days ago", ages.Over30Days, devicesLink("seen=30d")),
            ("Never", ages.Never, devicesLink("seen=never")),
        ]);
    }

    public IReadOnlyList<Bar> EnrolledPerDay() => Bars(Fleet.EnrolledPerDay.Select(d => (d.Date, d.Devices, (string?)null)));

    private static List<Bar> Bars(IEnumerable<(string Label, int Count, string? Link)> values)
    {
        var list = values.ToList();
        var largest = Math.Max(1, list.Count == 0 ? 1 : list.Max(v => v.Count));
        return list.Select(v => new Bar(v.Label, v.Count, Math.Round(100.0 * v.Count / largest, 1), v.Link)).ToList();
    }
}

/// <summary>The tenant's push certificate as the dashboard warns about it; not <see cref="Known"/> when Core could not say.</summary>
public sealed record PushCertificateState(bool Present, DateTime? NotAfter, bool Known = true)
{
    public static readonly PushCertificateState Unknown = new(false, null, Known: false);

    public static readonly TimeSpan WarnBefore = TimeSpan.FromDays(30);

    public bool Expired(DateTime now) => Present && NotAfter <= now;

    public bool ExpiresSoon(DateTime now) => Present && NotAfter > now && NotAfter - now <= WarnBefore;

    public int DaysLeft(DateTime now) => NotAfter is { } end ? Math.Max(0, (int)Math.Floor((end - now).TotalDays)) : 0;
}
