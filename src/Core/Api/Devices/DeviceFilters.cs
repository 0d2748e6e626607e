using System.Text;
using Microsoft.EntityFrameworkCore;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Rpc;
using EnrollmentState = SaaSMdm.Core.Data.Entities.EnrollmentState;

namespace SaaSMdm.Core.Api.Devices;

/// <summary>The filters of ListDevices: which devices a list holds, whatever its order.</summary>
public static class DeviceFilters
{
    /// <exception cref="InvalidArgumentException">a filter is malformed or names an unknown platform.</exception>
    /// <param name="onSqlite">Whether the database is SQLite, whose LIKE folds ASCII case natively.</param>
    public static IQueryable<EnrollmentEntity> Apply(IQueryable<EnrollmentEntity> enrollments, ListDevicesRequest request, bool onSqlite)
    {
        var devices = enrollments.Devices();
        if (!request.IncludeCheckedOut)
        {
            devices = devices.Where(e => e.State != EnrollmentState.CheckedOut);
        }

        if (request.Platform != Platform.Unspecified)
        {
            var platform = Enum.IsDefined(request.Platform)
                ? (DevicePlatform)request.Platform
                : throw new InvalidArgumentException($"platform {(int)request.Platform} is not a platform this API knows.");
            devices = devices.Where(e => e.Platform == platform);
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

        if (request.NeverSeen)
        {
            devices = request.LastSeenBefore is null && request.LastSeenAfter is null
                ? devices.Where(e => e.LastSeenAt == null)
                : throw new InvalidArgumentException("never_seen cannot be combined with last_seen_before or last_seen_after: those match only devices that checked in.");
        }

        if (TextFilter.Read(request.Query, "query") is { } query)
        {
            devices = onSqlite && Ascii.IsValid(query) ? ContainingAscii(devices, query) : Containing(devices, query);
        }

        return devices;
    }

    /// <summary>lower() on both sides: Unicode-aware on PostgreSQL and, through SqliteUnicodeLower, on SQLite too.</summary>
    private static IQueryable<EnrollmentEntity> Containing(IQueryable<EnrollmentEntity> devices, string query)
    {
        var text = query.ToLowerInvariant();
        return devices.Where(e => e.DeviceName!.ToLower().Contains(text) || e.SerialNumber!.ToLower().Contains(text));
    }

    /// <summary>
    /// On SQLite, lower() is .NET code called for every row, many times slower than SQLite's own LIKE, which folds
    /// ASCII case: enough for a query of ASCII letters, the common case.
    /// </summary>
    private static IQueryable<EnrollmentEntity> ContainingAscii(IQueryable<EnrollmentEntity> devices, string query)
    {
        var pattern = "%" + query.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
        return devices.Where(e => EF.Functions.Like(e.DeviceName, pattern, @"\") || EF.Functions.Like(e.SerialNumber, pattern, @"\"));
    }
}
