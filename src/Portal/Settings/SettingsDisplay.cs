using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Portal.Tenancy;

namespace SaaSMdm.Portal.Settings;

/// <summary>How the settings pages write times and roles.</summary>
public static class SettingsDisplay
{
    public const string Never = "—";

    /// <summary>UTC, to the minute; a dash for an unset time.</summary>
    public static string When(Timestamp? time) =>
        time is null || (time.Seconds == 0 && time.Nanos == 0) ? Never : When(time.ToDateTimeOffset());

    public static string When(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string RoleName(TenantRole role) => new TenantPermissions(role).RoleName;

    /// <summary>The roles a person can be given, lowest first.</summary>
    public static IReadOnlyList<TenantRole> AssignableRoles { get; } = [TenantRole.ReadOnly, TenantRole.HelpDesk, TenantRole.Admin, TenantRole.Owner];
}
