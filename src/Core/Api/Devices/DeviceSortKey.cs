using System.Globalization;
using System.Linq.Expressions;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Api.Devices;

/// <summary>
/// One order of ListDevices: a column, then the channel id (unique per tenant) among equal values. Devices without
/// the value come last in either direction; the two providers put NULLs at different ends, so the devices with a
/// value and those without are read as two segments, each a range scan of the (tenant, column, channel id) index.
/// </summary>
public abstract class DeviceSortKey
{
    /// <summary>Whether the list runs from high to low values (for a time: newest first).</summary>
    public required bool Downward { get; init; }

    /// <exception cref="InvalidArgumentException">an order this API does not know.</exception>
    public static DeviceSortKey For(DeviceOrder order, bool descending) => order switch
    {
        DeviceOrder.EnrolledTime => new TimeKey(e => e.AuthenticatedAt) { Downward = !descending },
        DeviceOrder.DeviceName => new TextKey(e => e.DeviceName) { Downward = descending },
        DeviceOrder.SerialNumber => new TextKey(e => e.SerialNumber) { Downward = descending },
        DeviceOrder.OsVersion => new TextKey(e => e.OsVersion) { Downward = descending },
        DeviceOrder.Model => new TextKey(e => e.Model) { Downward = descending },
        DeviceOrder.LastSeenTime => new TimeKey(e => e.LastSeenAt) { Downward = !descending },
        _ => throw new InvalidArgumentException($"order_by {(int)order} is not an order this API knows."),
    };

    /// <summary>Devices with the value, in order.</summary>
    public abstract IQueryable<EnrollmentEntity> WithValue(IQueryable<EnrollmentEntity> devices);

    /// <summary>Devices with the value after a device with value <paramref name="value"/> and channel <paramref name="channelId"/>, in order.</summary>
    /// <exception cref="InvalidArgumentException">the value is not one this key wrote.</exception>
    public abstract IQueryable<EnrollmentEntity> WithValueAfter(IQueryable<EnrollmentEntity> devices, string value, string channelId);

    public abstract IQueryable<EnrollmentEntity> WithoutValue(IQueryable<EnrollmentEntity> devices);

    /// <summary>The device's value as a page token keeps it; null when it has none.</summary>
    public abstract string? ValueOf(EnrollmentEntity device);

    /// <summary>Devices without the value, in channel order.</summary>
    public IQueryable<EnrollmentEntity> WithoutValueInOrder(IQueryable<EnrollmentEntity> devices) =>
        Downward ? WithoutValue(devices).OrderByDescending(e => e.ChannelId) : WithoutValue(devices).OrderBy(e => e.ChannelId);

    public IQueryable<EnrollmentEntity> WithoutValueAfter(IQueryable<EnrollmentEntity> devices, string channelId) =>
        WithoutValueInOrder(Downward
            ? devices.Where(e => string.Compare(e.ChannelId, channelId) < 0)
            : devices.Where(e => string.Compare(e.ChannelId, channelId) > 0));

    /// <summary>A key over a column of type <typeparamref name="T"/> (string or nullable time).</summary>
    private abstract class ColumnKey<T>(Expression<Func<EnrollmentEntity, T>> column) : DeviceSortKey
    {
        public override IQueryable<EnrollmentEntity> WithValue(IQueryable<EnrollmentEntity> devices)
        {
            var present = devices.Where(Lambda(Expression.NotEqual(column.Body, Expression.Constant(null, typeof(T)))));
            return Downward
                ? present.OrderByDescending(column).ThenByDescending(e => e.ChannelId)
                : present.OrderBy(column).ThenBy(e => e.ChannelId);
        }

        public override IQueryable<EnrollmentEntity> WithoutValue(IQueryable<EnrollmentEntity> devices) =>
            devices.Where(Lambda(Expression.Equal(column.Body, Expression.Constant(null, typeof(T)))));

        public override IQueryable<EnrollmentEntity> WithValueAfter(IQueryable<EnrollmentEntity> devices, string value, string channelId)
        {
            // value beyond the cursor's, or equal to it with a channel id beyond the cursor's; parameters, not literals,
            // so that every page shares one query plan.
            var cursorValue = Parameter(Parse(value));
            var beyondValue = Beyond(column.Body, cursorValue);
            var sameValue = Expression.Equal(column.Body, cursorValue);
            var channel = Expression.Property(column.Parameters[0], nameof(EnrollmentEntity.ChannelId));
            var beyondChannel = Beyond(Compare(channel, Parameter(channelId)));
            return WithValue(devices.Where(Lambda(Expression.OrElse(beyondValue, Expression.AndAlso(sameValue, beyondChannel)))));
        }

        public override string? ValueOf(EnrollmentEntity device) => column.Compile()(device) is { } value ? Format(value) : null;

        protected abstract T Parse(string value);

        protected abstract string Format(T value);

        /// <summary>The column is beyond the cursor's value in the list's direction.</summary>
        protected abstract Expression Beyond(Expression columnValue, Expression cursorValue);

        protected Expression Beyond(Expression comparison) =>
            Downward ? Expression.LessThan(comparison, Expression.Constant(0)) : Expression.GreaterThan(comparison, Expression.Constant(0));

        protected static Expression Compare(Expression left, Expression right) =>
            Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, left, right);

        private static MemberExpression Parameter<TValue>(TValue value) =>
            Expression.Property(Expression.Constant(new QueryParameter<TValue>(value)), nameof(QueryParameter<TValue>.Value));

        private Expression<Func<EnrollmentEntity, bool>> Lambda(Expression body) => Expression.Lambda<Func<EnrollmentEntity, bool>>(body, column.Parameters);
    }

    private sealed class TextKey(Expression<Func<EnrollmentEntity, string?>> column) : ColumnKey<string?>(column)
    {
        protected override string? Parse(string value) => value;

        protected override string Format(string? value) => value!;

        protected override Expression Beyond(Expression columnValue, Expression cursorValue) => Beyond(Compare(columnValue, cursorValue));
    }

    private sealed class TimeKey(Expression<Func<EnrollmentEntity, DateTime?>> column) : ColumnKey<DateTime?>(column)
    {
        protected override DateTime? Parse(string value) =>
            long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks
                ? new DateTime(ticks, DateTimeKind.Utc)
                : throw Tenants.PageToken.NotIssued();

        protected override string Format(DateTime? value) => value!.Value.Ticks.ToString(CultureInfo.InvariantCulture);

        protected override Expression Beyond(Expression columnValue, Expression cursorValue) =>
            Downward ? Expression.LessThan(columnValue, cursorValue) : Expression.GreaterThan(columnValue, cursorValue);
    }

    /// <summary>Holds a value so that EF Core sends it as a query parameter.</summary>
    private sealed record QueryParameter<TValue>(TValue Value);
}
