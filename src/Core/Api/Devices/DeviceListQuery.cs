using System.Globalization;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data.Entities;
using EnrollmentState = SaaSMdm.Core.Data.Entities.EnrollmentState;
using SaaSMdm.Core.Tenants;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Api.Devices;

/// <summary>
/// ListDevices as a query: filters, then newest enrollment first (authentication time, then channel id, which is
/// unique per tenant) with an opaque keyset cursor, so a page costs the same however deep it is.
/// </summary>
public static class DeviceListQuery
{
    private const int MaxFilterLength = 256;

    public static IQueryable<EnrollmentEntity> Apply(IQueryable<EnrollmentEntity> enrollments, ListDevicesRequest request)
    {
        var devices = enrollments.Devices();
        if (!request.IncludeCheckedOut)
        {
            devices = devices.Where(e => e.State != EnrollmentState.CheckedOut);
        }

        if (Filter(request.OsVersion, "os_version") is { } osVersion)
        {
            // By version component: "17" matches 17 and 17.4.1, not 170.
            var deeper = osVersion + ".";
            devices = devices.Where(e => e.OsVersion == osVersion || e.OsVersion!.StartsWith(deeper));
        }

        if (Filter(request.Model, "model") is { } model)
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

        if (Filter(request.Query, "query") is { } query)
        {
            // lower() on both sides: Unicode-aware on PostgreSQL and, through SqliteUnicodeLower, on SQLite too.
            var text = query.ToLowerInvariant();
            devices = devices.Where(e => e.DeviceName!.ToLower().Contains(text) || e.SerialNumber!.ToLower().Contains(text));
        }

        if (Cursor.Read(request.PageToken) is { } cursor)
        {
            devices = devices.Where(e => e.AuthenticatedAt < cursor.AuthenticatedAt
                || (e.AuthenticatedAt == cursor.AuthenticatedAt && string.Compare(e.ChannelId, cursor.ChannelId) < 0));
        }

        return devices.OrderByDescending(e => e.AuthenticatedAt).ThenByDescending(e => e.ChannelId);
    }

    public static string NextPageToken(EnrollmentEntity last) => new Cursor(last.AuthenticatedAt, last.ChannelId).ToToken();

    private static string? Filter(string value, string field) => value.Length switch
    {
        0 => null,
        > MaxFilterLength => throw new InvalidArgumentException($"{field} has at most {MaxFilterLength} characters."),
        _ => value,
    };

    private sealed record Cursor(DateTime AuthenticatedAt, string ChannelId)
    {
        public string ToToken() => PageToken.Create(AuthenticatedAt.Ticks.ToString(CultureInfo.InvariantCulture) + "|" + ChannelId);

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
                ? new Cursor(new DateTime(ticks, DateTimeKind.Utc), key[(separator + 1)..])
                : throw new InvalidArgumentException("page_token is not a token this API issued.");
        }
    }
}
