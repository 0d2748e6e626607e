using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Tests.Api.DeviceGrid;

/// <summary>The order ListDevices promises, computed in memory: the value (natural direction flipped by descending), devices without it last, ties by channel id.</summary>
public static class ExpectedOrder
{
    public static List<EnrollmentEntity> Of(IEnumerable<EnrollmentEntity> devices, DeviceOrder order, bool descending)
    {
        var (value, downward) = order switch
        {
            DeviceOrder.EnrolledTime => (Time(d => d.AuthenticatedAt), !descending),
            DeviceOrder.DeviceName => (Text(d => d.DeviceName), descending),
            DeviceOrder.SerialNumber => (Text(d => d.SerialNumber), descending),
            DeviceOrder.OsVersion => (Text(d => d.OsVersion), descending),
            DeviceOrder.Model => (Text(d => d.Model), descending),
            DeviceOrder.LastSeenTime => (Time(d => d.LastSeenAt), !descending),
            _ => throw new ArgumentOutOfRangeException(nameof(order)),
        };
        var withValue = devices.Where(d => value(d) is not null).ToList();
        withValue.Sort((a, b) => Direction(downward, Compare(value(a)!, value(b)!) is var byValue and not 0 ? byValue : string.CompareOrdinal(a.ChannelId, b.ChannelId)));
        var withoutValue = devices.Where(d => value(d) is null).ToList();
        withoutValue.Sort((a, b) => Direction(downward, string.CompareOrdinal(a.ChannelId, b.ChannelId)));
        return [.. withValue, .. withoutValue];
    }

    private static Func<EnrollmentEntity, object?> Text(Func<EnrollmentEntity, string?> read) => d => read(d);

    private static Func<EnrollmentEntity, object?> Time(Func<EnrollmentEntity, DateTime?> read) => d => read(d);

    private static int Compare(object a, object b) => a is string text ? string.CompareOrdinal(text, (string)b) : ((DateTime)a).CompareTo((DateTime)b);

    private static int Direction(bool downward, int comparison) => downward ? -comparison : comparison;
}
