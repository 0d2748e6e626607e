using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Tenants;
using SaaSMdm.Rpc;

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
        if (ReadCursor(pageToken) is var (receivedAt, id))
        {
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
            response.NextPageToken = PageToken.Create(string.Create(CultureInfo.InvariantCulture, $"{last.ReceivedAt.Ticks}/{last.Id}"));
        }

        return response;
    }

    private static (DateTime ReceivedAt, Guid Id)? ReadCursor(string pageToken) =>
        PageToken.Read(pageToken) switch
        {
            null => null,
            var text when text.Split('/') is [var ticks, var id]
                && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                && value is >= 0 and <= 3155378975999999999
                && Guid.TryParse(id, out var guid) => (new DateTime(value, DateTimeKind.Utc), guid),
            _ => throw new InvalidArgumentException("page_token is not a token this API issued."),
        };
}
