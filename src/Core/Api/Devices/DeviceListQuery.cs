using Microsoft.EntityFrameworkCore;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Api.Devices;

/// <summary>One page of ListDevices and how many devices match its filters.</summary>
public sealed record DeviceListPage(IReadOnlyList<EnrollmentEntity> Devices, string NextPageToken, int TotalSize);

/// <summary>
/// ListDevices as queries: filters, a sort key with keyset page tokens (a page costs the same however deep it is),
/// or an offset for jumping to a page of a grid.
/// </summary>
public static class DeviceListQuery
{
    public const int MaxSkip = 1_000_000;

    /// <exception cref="InvalidArgumentException">a malformed filter, order, skip or page token.</exception>
    public static async Task<DeviceListPage> ReadAsync(CoreDbContext db, ListDevicesRequest request, int size, CancellationToken cancellationToken)
    {
        var skip = request.Skip switch
        {
            < 0 or > MaxSkip => throw new InvalidArgumentException($"skip must be 0 to {MaxSkip:N0}; got {request.Skip}."),
            > 0 when request.PageToken.Length > 0 => throw new InvalidArgumentException("skip cannot be combined with page_token; a token continues where its page ended."),
            var value => value,
        };
        var key = DeviceSortKey.For(request.OrderBy, request.Descending);
        var devices = DeviceFilters.Apply(db.Enrollments.AsNoTracking(), request, db.Database.IsSqlite());
        var cursor = DeviceListCursor.Read(request);

        var total = await devices.CountAsync(cancellationToken);
        if (skip >= total)
        {
            // Nothing to show: no page query, which for a rare search term would walk the whole order's index.
            return new DeviceListPage([], "", total);
        }

        var wanted = size + 1;
        var page = new List<EnrollmentEntity>(wanted);
        var skipWithoutValue = 0;
        if (cursor is null or { Value: not null })
        {
            var withValue = cursor is null ? key.WithValue(devices) : key.WithValueAfter(devices, cursor.Value!, cursor.ChannelId);
            var countWithValue = skip == 0 ? total : total - await key.WithoutValue(devices).CountAsync(cancellationToken);
            var skipWithValue = Math.Min(skip, countWithValue);
            skipWithoutValue = skip - skipWithValue;
            if (skipWithValue < countWithValue)
            {
                page.AddRange(await withValue.Skip(skipWithValue).Take(wanted).ToListAsync(cancellationToken));
            }
        }

        if (page.Count < wanted)
        {
            var withoutValue = cursor is { Value: null } ? key.WithoutValueAfter(devices, cursor.ChannelId) : key.WithoutValueInOrder(devices);
            page.AddRange(await withoutValue.Skip(skipWithoutValue).Take(wanted - page.Count).ToListAsync(cancellationToken));
        }

        var shown = page.Take(size).ToList();
        var next = page.Count > size ? DeviceListCursor.After(request, key.ValueOf(shown[^1]), shown[^1].ChannelId).ToPageToken() : "";
        return new DeviceListPage(shown, next, total);
    }
}
