using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data.Entities;
using EnrollmentState = SaaSMdm.Core.Data.Entities.EnrollmentState;

namespace SaaSMdm.Core.Api.Devices;

/// <summary>
/// ListDevices as a query: filters, then newest enrollment first (authentication time, then channel id, which is
/// unique per tenant) with an opaque keyset cursor, so a page costs the same however deep it is.
/// </summary>
public static class DeviceListQuery
{
    public static IQueryable<EnrollmentEntity> Apply(IQueryable<EnrollmentEntity> enrollments, ListDevicesRequest request)
    {
        var devices = enrollments.Devices();
        if (!request.IncludeCheckedOut)
        {
            devices = devices.Where(e => e.State != EnrollmentState.CheckedOut);
        }

        if (TextFilter.Read(request.OsVersion, "os_version") is { } osVersion)
        {
            // By version component: "17" matches 17 and 17.4.1, not 170.
            var deeper = osVersion + ".";
            devices = devices.Where(e => e.OsVersion == osVersion || e.OsVersion!.StartsWith(deeper));
        }

        if (TextFilter.Read(request.Model, "model") is { } model)
        {
            devices = devices.Where(e => e.Model == model || e.ModelName == model);
        }

        if (request.LastSeenBefore is { } before)
        {
            var time = ApiTimestamps.Read(before, "last_seen_before");
            devices = devices.Where(e => e.LastSeenAt < time);
        }

        if (request.LastSeenAfter is { } after)
        {
            var time = ApiTimestamps.Read(after, "last_seen_after");
            devices = devices.Where(e => e.LastSeenAt > time);
        }

        if (TextFilter.Read(request.Query, "query") is { } query)
        {
            // lower() on both sides: Unicode-aware on PostgreSQL and, through SqliteUnicodeLower, on SQLite too.
            var text = query.ToLowerInvariant();
            devices = devices.Where(e => e.DeviceName!.ToLower().Contains(text) || e.SerialNumber!.ToLower().Contains(text));
        }

        if (TimeKeyPageToken.Read(request.PageToken) is { } cursor)
        {
            var (authenticatedAt, channelId) = cursor;
            devices = devices.Where(e => e.AuthenticatedAt < authenticatedAt
                || (e.AuthenticatedAt == authenticatedAt && string.Compare(e.ChannelId, channelId) < 0));
        }

        return devices.OrderByDescending(e => e.AuthenticatedAt).ThenByDescending(e => e.ChannelId);
    }

    public static string NextPageToken(EnrollmentEntity last) => TimeKeyPageToken.Create(last.AuthenticatedAt, last.ChannelId);
}
