using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Tenants;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Api.DeclarativeStatus;

/// <summary>A channel's raw status reports, newest first; the cursor is the last report's time and id.</summary>
public sealed class StatusReportPages(CoreDbContext db)
{
    public async Task<ListStatusReportsResponse> ListAsync(Guid enrollmentId, int pageSize, string pageToken, CancellationToken cancellationToken)
    {
        var size = PageToken.Size(pageSize, defaultSize: 50, maxSize: 200);
        var reports = db.StatusReports.AsNoTracking().Where(r => r.EnrollmentId == enrollmentId);
        if (ReadCursor(pageToken) is var (receivedAt, id))
        {
            reports = reports.Where(r => r.ReceivedAt < receivedAt || (r.ReceivedAt == receivedAt && r.Id.CompareTo(id) < 0));
        }

        var page = await reports.OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id).Take(size + 1).ToListAsync(cancellationToken);
        var response = new ListStatusReportsResponse();
        response.Reports.AddRange(page.Take(size).Select(r => new StoredStatusReport
        {
            Id = r.Id.ToString(),
            ReceivedTime = ApiTimestamps.From(r.ReceivedAt),
            FullReport = r.FullReport,
            ReportJson = Encoding.UTF8.GetString(r.ReportJson),
        }));
        if (page.Count > size)
        {
            var last = page[size - 1];
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
