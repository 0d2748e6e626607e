using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SaaSMdm.Core.Data.Migrations;

/// <summary>
/// Enrollments get their device's platform, backfilled from the product name (or model) with the rules of
/// <c>DevicePlatforms</c>; and the device list gets a tenant-first index per sort order (kind and state trailing, so filters,
/// counts and skips read only the index) and ones that count devices by platform and OS version, and
/// by enrollment day, without reading rows.
/// </summary>
[DbContext(typeof(CoreDbContext))]
[Migration("20261125000000_DevicePlatform")]
public sealed class DevicePlatformColumn : Migration
{
    private static readonly string[] SortedColumns = ["authenticated_at", "device_name", "serial_number", "os_version", "model", "last_seen_at"];

    private const string PlatformIndex = "ix_enrollments_tenant_id_platform_kind_state_os_version";

    private const string EnrolledIndex = "ix_enrollments_tenant_id_enrolled_at_kind_state";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "platform", table: "enrollments", nullable: false, defaultValue: 0);
        migrationBuilder.Sql(
            "UPDATE enrollments SET platform = CASE "
            + Platform("product_name") + Platform("model")
            + "ELSE 0 END;");
        migrationBuilder.DropIndex(name: "ix_enrollments_tenant_id_authenticated_at_channel_id", table: "enrollments");
        foreach (var column in SortedColumns)
        {
            migrationBuilder.CreateIndex(
                name: $"ix_enrollments_tenant_id_{column}_channel_id_kind_state",
                table: "enrollments",
                columns: ["tenant_id", column, "channel_id", "kind", "state"]);
        }

        migrationBuilder.CreateIndex(name: PlatformIndex, table: "enrollments", columns: ["tenant_id", "platform", "kind", "state", "os_version"]);
        migrationBuilder.CreateIndex(name: EnrolledIndex, table: "enrollments", columns: ["tenant_id", "enrolled_at", "kind", "state"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: EnrolledIndex, table: "enrollments");
        migrationBuilder.DropIndex(name: PlatformIndex, table: "enrollments");
        foreach (var column in SortedColumns)
        {
            migrationBuilder.DropIndex(name: $"ix_enrollments_tenant_id_{column}_channel_id_kind_state", table: "enrollments");
        }

        migrationBuilder.CreateIndex(
            name: "ix_enrollments_tenant_id_authenticated_at_channel_id",
            table: "enrollments",
            columns: ["tenant_id", "authenticated_at", "channel_id"]);

        migrationBuilder.DropColumn(name: "platform", table: "enrollments");
    }

    /// <summary>
    /// The CASE branches for one column, in the order of DevicePlatforms' prefixes; lower() on both sides matches
    /// its case-insensitive comparison on both providers.
    /// </summary>
    private static string Platform(string column) =>
        Branch(column, "iphone", 1) + Branch(column, "ipod", 1) + Branch(column, "ipad", 2) + Branch(column, "appletv", 4)
        + Branch(column, "realitydevice", 5) + Branch(column, "watch", 6) + Branch(column, "mac", 3) + Branch(column, "imac", 3)
        + Branch(column, "virtualmac", 3);

    private static string Branch(string column, string prefix, int platform) => $"WHEN lower({column}) LIKE '{prefix}%' THEN {platform} ";
}
