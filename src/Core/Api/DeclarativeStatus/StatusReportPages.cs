using System.Text;
using Microsoft.EntityFrameworkCore;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Tenants;

namespace SaaSMdm.Core.Api.DeclarativeStatus;

/// <summary>
/// A channel's raw status reports, newest first, a page ending early rather than outgrowing <see cref="MaxPageBytes"/>;
/// the cursor is the last report's time and id.
/// </summary>
public sealed class StatusReportPages(CoreDbContext db)
{
    /// <summary>A page stays well inside the 4 MiB a gRPC client accepts by default, however large the reports are.</summary>
    private const int MaxPageBytes = 2 * 1024 * 1024;

    public async Task<ListStatusReportsResponse> ListAsync(Guid enrollmentId, int pageSize, string pageToken, CancellationToken cancellationToken)
    {
        var size = PageToken.Size(pageSize, defaultSize: 50, maxSize: 200);
        var reports = db.StatusReports.AsNoTracking().Where(r => r.EnrollmentId == enrollmentId);
        if (TimeKeyPageToken.Read(pageToken) is { } cursor)
        {
            var receivedAt = cursor.Time;
            var id = Guid.TryParse(cursor.Key, out var parsed) ? parsed : throw PageToken.NotIssued();
            reports = reports.Where(r => r.ReceivedAt < receivedAt || (r.ReceivedAt == receivedAt && r.Id.CompareTo(id) < 0));
        }

        var page = await reports.OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id).Take(size + 1).ToListAsync(cancellationToken);
        var taken = new List<StatusReportEntity>();
        var bytes = 0L;
        foreach (var report in page.Take(size))
        {
            if (taken.Count > 0 && bytes + report.ReportJson.Length > MaxPageBytes)
            {
                break;
            }

            taken.Add(report);
            bytes += report.ReportJson.Length;
        }

        var response = new ListStatusReportsResponse();
        response.Reports.AddRange(taken.Select(r => new StoredStatusReport
        {
            Id = r.Id.ToString(),
            ReceivedTime = ApiTimestamps.From(r.ReceivedAt),
            FullReport = r.FullReport,
            ReportJson = Encoding.UTF8.GetString(r.ReportJson),
        }));
        if (page.Count > taken.Count)
        {
            var last = taken[^1];
            response.NextPageToken = TimeKeyPageToken.Create(last.ReceivedAt, last.Id.ToString());
        }

        return response;
    }
}
